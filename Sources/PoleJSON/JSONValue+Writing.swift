extension JSONValue {
    /// The value as compact JSON on one line, object keys sorted so the same value always writes the
    /// same bytes (control-protocol responses compare and diff cleanly).
    public var serialized: String {
        var text = ""
        write(into: &text)
        return text
    }

    /// A number that is an integer, written without a fraction.
    public static func integer(_ value: some BinaryInteger) -> JSONValue {
        .number(Double(value))
    }

    /// The field's value when this is an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { fields[key] } else { nil }
    }

    /// The text when this is a string.
    public var string: String? {
        if case .string(let text) = self { text } else { nil }
    }

    /// The number when this is one.
    public var number: Double? {
        if case .number(let value) = self { value } else { nil }
    }

    /// The items when this is an array.
    public var array: [JSONValue]? {
        if case .array(let items) = self { items } else { nil }
    }

    /// The flag when this is a boolean.
    public var bool: Bool? {
        if case .bool(let flag) = self { flag } else { nil }
    }

    private func write(into text: inout String) {
        switch self {
        case .object(let fields):
            text += "{"
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { text += "," }
                Self.quote(key, into: &text)
                text += ":"
                fields[key]?.write(into: &text)
            }
            text += "}"
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                item.write(into: &text)
            }
            text += "]"
        case .string(let value):
            Self.quote(value, into: &text)
        case .number(let value):
            if !value.isFinite {
                text += "null"
            } else if value == value.rounded(), abs(value) < 1e15 {
                text += String(Int64(value))
            } else {
                text += "\(value)"
            }
        case .bool(let flag):
            text += flag ? "true" : "false"
        case .null:
            text += "null"
        }
    }

    /// Writes `value` as a JSON string: quotes, backslashes and control characters escaped.
    private static func quote(_ value: String, into text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{00}"..<"\u{20}":
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
