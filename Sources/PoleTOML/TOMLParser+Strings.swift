extension TOMLParser {
    /// `"…"` with escapes, on one line.
    mutating func readBasicString() throws(TOMLError) -> String {
        advance()
        var text: [UInt8] = []
        while true {
            guard let byte = current else { throw error("unterminated string; expected a closing '\"'") }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try readEscape(into: &text)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw error("unterminated string; a basic string ends on its line (use \"\"\" for several lines)")
            default:
                try append(byte, to: &text)
            }
        }
    }

    /// `'…'`, taken as written, on one line.
    mutating func readLiteralString() throws(TOMLError) -> String {
        advance()
        var text: [UInt8] = []
        while true {
            guard let byte = current else { throw error("unterminated string; expected a closing \"'\"") }
            switch byte {
            case UInt8(ascii: "'"):
                advance()
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw error("unterminated string; a literal string ends on its line (use ''' for several lines)")
            default:
                try append(byte, to: &text)
            }
        }
    }

    /// `"""…"""`: escapes, newlines kept, a newline right after the opening quotes dropped, and a
    /// backslash at the end of a line joining it to the next non-blank text.
    mutating func readMultilineBasicString() throws(TOMLError) -> String {
        advance(3)
        _ = try consumeNewline()
        var text: [UInt8] = []
        while true {
            guard let byte = current else { throw error("unterminated string; expected a closing '\"\"\"'") }
            switch byte {
            case UInt8(ascii: "\""):
                if try closeMultiline(quote: byte, text: &text) { return String(decoding: text, as: UTF8.self) }
            case UInt8(ascii: "\\"):
                if try !skipLineEndingBackslash() { try readEscape(into: &text) }
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try appendNewline(to: &text)
            default:
                try append(byte, to: &text)
            }
        }
    }

    /// `'''…'''`: taken as written, newlines kept, a newline right after the opening quotes dropped.
    mutating func readMultilineLiteralString() throws(TOMLError) -> String {
        advance(3)
        _ = try consumeNewline()
        var text: [UInt8] = []
        while true {
            guard let byte = current else { throw error("unterminated string; expected a closing \"'''\"") }
            switch byte {
            case UInt8(ascii: "'"):
                if try closeMultiline(quote: byte, text: &text) { return String(decoding: text, as: UTF8.self) }
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try appendNewline(to: &text)
            default:
                try append(byte, to: &text)
            }
        }
    }

    /// At a quote inside a multi-line string: one or two quotes are text; three to five close the
    /// string, the ones before the last three being text; six or more are an error.
    private mutating func closeMultiline(quote: UInt8, text: inout [UInt8]) throws(TOMLError) -> Bool {
        var count = 0
        while peek(count) == quote { count += 1 }
        guard count < 6 else { throw error("too many quotes in a row; at most five end a multi-line string") }
        let kept = count >= 3 ? count - 3 : count
        text += repeatElement(quote, count: kept)
        advance(count)
        return count >= 3
    }

    private mutating func appendNewline(to text: inout [UInt8]) throws(TOMLError) {
        let isCRLF = current == UInt8(ascii: "\r")
        guard try consumeNewline() else { return }
        text += isCRLF ? [0x0D, 0x0A] : [0x0A]
    }

    /// A backslash followed only by spaces up to the end of the line: skips it and every space and
    /// newline after it. `false` (nothing consumed) when the backslash starts an escape instead.
    private mutating func skipLineEndingBackslash() throws(TOMLError) -> Bool {
        var offset = 1
        while peek(offset) == UInt8(ascii: " ") || peek(offset) == UInt8(ascii: "\t") { offset += 1 }
        guard peek(offset) == UInt8(ascii: "\n") || (peek(offset) == UInt8(ascii: "\r") && peek(offset + 1) == UInt8(ascii: "\n")) else {
            return false
        }
        advance(offset)
        while true {
            skipSpaces()
            guard try consumeNewline() else { return true }
        }
    }

    /// A printable byte of string text; control characters other than tab must be escaped.
    private mutating func append(_ byte: UInt8, to text: inout [UInt8]) throws(TOMLError) {
        guard !Self.isControl(byte) || byte == UInt8(ascii: "\t") else {
            throw error("\(Self.describe(byte)) must be escaped in a string")
        }
        text.append(byte)
        advance()
    }

    /// `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`.
    private mutating func readEscape(into text: inout [UInt8]) throws(TOMLError) {
        let start = position
        advance()
        let simple: UInt8? = switch current {
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "\""): 0x22
        case UInt8(ascii: "\\"): 0x5C
        default: nil
        }
        if let simple {
            text.append(simple)
            advance()
            return
        }
        let digits = switch current {
        case UInt8(ascii: "u"): 4
        case UInt8(ascii: "U"): 8
        default: 0
        }
        guard digits > 0 else {
            let escape = current.map { (0x21...0x7E).contains($0) ? "\\\(Character(Unicode.Scalar($0)))" : "\\ and \(Self.describe($0))" } ?? "\\"
            throw error("\(escape) is not an escape; expected \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX or \\UXXXXXXXX", at: start)
        }
        advance()
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let byte = current, let digit = Self.hexValue(byte) else {
                throw error("\\\(digits == 4 ? "u" : "U") needs \(digits) hexadecimal digits", at: start)
            }
            value = value << 4 | UInt32(digit)
            advance()
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("\\\(digits == 4 ? "u" : "U") escape is not a Unicode scalar value (a surrogate or above U+10FFFF)", at: start)
        }
        UTF8.encode(scalar) { text.append($0) }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
