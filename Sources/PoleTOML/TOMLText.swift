/// Writes keys and strings the way TOML does, for messages.
///
/// Messages name keys and quote strings read from untrusted files; a key holding a quote, a dot, a
/// newline or U+0000 must still print as one readable, unambiguous key, and no control character
/// may reach a technician's terminal raw.
public enum TOMLText {
    /// `key` bare (`floor_red`) when TOML allows it, else quoted (`"a.b"`, `"\u0000"`).
    public static func key(_ key: String) -> String {
        !key.isEmpty && key.utf8.allSatisfy(isBareKeyByte) ? key : quoted(key)
    }

    /// A dotted path of keys, each written as `key(_:)` does.
    public static func path(_ keys: [String]) -> String {
        keys.map(key).joined(separator: ".")
    }

    /// `text` as a TOML basic string: in double quotes, with `"`, `\` and control characters escaped.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `A-Z a-z 0-9 _ -`: the bytes of a bare key.
    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
