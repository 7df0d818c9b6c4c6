/// Why a text is not a TOML document the reader accepts, and where.
///
/// Syntax errors, semantic errors (a key or table defined twice) and the reader's own limits (the
/// nesting depth) are all reported this way, each with the position of the offending text and the
/// key being defined there, so a configuration loader can name file, line and key.
public struct TOMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is.
    public let position: TOMLPosition
    /// The dotted key (or table header) being read when the problem was found, written as TOML
    /// writes keys, with `[n]` after an array of tables' key for its n-th table (from 0); empty
    /// when the problem is outside any key.
    public let keyPath: String
    /// What is wrong and, where it helps, what was expected.
    public let message: String

    public init(position: TOMLPosition, keyPath: String, message: String) {
        self.position = position
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        keyPath.isEmpty ? "\(position): \(message)" : "\(position): \(keyPath): \(message)"
    }
}
