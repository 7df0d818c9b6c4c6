/// A parsed TOML value, detached from the parser.
///
/// Exists so validation works on plain Swift values (sendable, easy to build in tests) and only one
/// file knows the TOML library.
public indirect enum ConfigValue: Sendable, Hashable {
    case table([String: ConfigValue])
    case array([ConfigValue])
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    /// A TOML date, time or date-time, kept as its text.
    case dateTime(String)

    /// The TOML type name, for "expected a string, found an integer" messages.
    public var typeName: String {
        switch self {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .bool: "a boolean"
        case .dateTime: "a date-time"
        }
    }

    /// The value as written in a message: strings quoted, tables and arrays summarised.
    public var quoted: String {
        switch self {
        case .table: "a table"
        case .array(let items): "an array of \(items.count)"
        case .string(let text): "\"\(text)\""
        case .integer(let value): "\(value)"
        case .float(let value): "\(value)"
        case .bool(let value): "\(value)"
        case .dateTime(let text): text
        }
    }
}
