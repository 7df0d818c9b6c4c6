import FoundationEssentials

/// A JSON document as plain values, so scenario validation can name every field it rejects.
///
/// Decoding straight into typed structs would stop at the first problem with a generic message;
/// walking these values lets the parser say `steps[3].head: "blue" is not one of …`.
indirect enum JSONValue: Sendable, Hashable, Decodable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Why a text is not JSON.
    struct SyntaxError: Error {
        let message: String
    }

    /// Parses UTF-8 JSON text; the error message is the decoder's, without Foundation's wrapping.
    static func parse(_ bytes: [UInt8]) -> Result<JSONValue, SyntaxError> {
        do {
            return .success(try JSONDecoder().decode(JSONValue.self, from: Data(bytes)))
        } catch let DecodingError.dataCorrupted(context) {
            let underlying = context.underlyingError.map { " (\($0))" } ?? ""
            return .failure(SyntaxError(message: "not valid JSON: \(context.debugDescription)\(underlying)"))
        } catch {
            return .failure(SyntaxError(message: "not valid JSON: \(error)"))
        }
    }

    /// The JSON type name, for "expected a string, found a number".
    var typeName: String {
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
    var quoted: String {
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
