/// Where something starts in a TOML text: the 1-based line and the 1-based column, counted in
/// Unicode scalars.
///
/// Exists so every value and every key of a board or site file can be named by the line a
/// technician sees in an editor, even inside a multi-line array or an inline table.
public struct TOMLPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line.
    public let line: Int
    /// The 1-based column, in Unicode scalars from the start of the line.
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: TOMLPosition, b: TOMLPosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "line \(line), column \(column)" }
}
