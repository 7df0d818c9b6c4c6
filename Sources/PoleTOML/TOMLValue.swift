/// One TOML value with the position where it is written.
///
/// A table's position is its `[header]`, its `{`, or the first key that made it; an array's is its
/// `[` (or, for an array of tables, the first `[[header]]`).
public struct TOMLValue: Sendable, Hashable {
    /// What the value holds.
    public enum Content: Sendable, Hashable {
        case string(String)
        /// TOML integers are 64-bit.
        case integer(Int64)
        case float(Double)
        case boolean(Bool)
        /// An offset date-time, a local date-time, a local date or a local time (boxed: the
        /// largest payload, kept out of every other value's size).
        indirect case dateTime(TOMLDateTime)
        case array([TOMLValue])
        case table(TOMLTable)
    }

    /// What the value holds.
    public let content: Content
    /// Where the value starts.
    public let position: TOMLPosition

    public init(_ content: Content, at position: TOMLPosition) {
        self.content = content
        self.position = position
    }
}
