import PoleTOML

extension TOMLValue {
    /// The TOML type name, for "expected a string, found an integer" messages.
    var typeName: String {
        switch content {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .boolean: "a boolean"
        case .dateTime: "a date-time"
        }
    }

    /// The value as written in a message: strings quoted, tables and arrays summarised.
    var quoted: String {
        switch content {
        case .table: "a table"
        case .array(let items): "an array of \(items.count)"
        case .string(let text): TOMLText.quoted(text)
        case .integer(let value): "\(value)"
        case .float(let value): "\(value)"
        case .boolean(let value): "\(value)"
        case .dateTime(let value): value.description
        }
    }
}
