/// A JSON document as plain values, so scenario and control-protocol validation can name every
/// field it rejects.
///
/// Decoding straight into typed structs would stop at the first problem with a generic message;
/// walking these values lets the parser say `steps[3].head: "blue" is not one of …`.
public indirect enum JSONValue: Sendable, Hashable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    /// The JSON type name, for "expected a string, found a number".
    public var typeName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }

    /// The value as written in a message.
    public var quoted: String {
        switch self {
        case .object: "an object"
        case .array(let items): "an array of \(items.count)"
        case .string(let text): "\"\(text)\""
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? "\(Int64(number))" : "\(number)"
        case .bool(let flag): "\(flag)"
        case .null: "null"
        }
    }
}
