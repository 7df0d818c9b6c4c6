/// Reads TOML 1.0 from UTF-8 bytes into a `TOMLTreeBuilder`, keeping the line and column of the
/// byte it is at, so every value and every error gets its position.
///
/// Recursion happens only for arrays and inline tables nested inside values and is cut off at the
/// nesting limit; everything else is a loop over the bytes.
struct TOMLParser {
    let bytes: [UInt8]
    private(set) var index = 0
    private var line = 1
    private var column = 1
    var tree: TOMLTreeBuilder
    /// The key or header being read, for messages.
    var keyContext = ""

    init(bytes: [UInt8], depthMax: Int) {
        self.bytes = bytes
        tree = TOMLTreeBuilder(depthMax: depthMax)
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    var position: TOMLPosition { TOMLPosition(line: line, column: column) }

    mutating func advance() {
        guard index < bytes.count else { return }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    mutating func advance(_ count: Int) {
        for _ in 0..<max(0, count) { advance() }
    }

    func error(_ message: String, at position: TOMLPosition? = nil) -> TOMLError {
        TOMLError(position: position ?? self.position, keyPath: keyContext, message: message)
    }

    func error(_ failure: TOMLTreeBuilder.Failure) -> TOMLError {
        error(failure.message, at: failure.position)
    }

    /// "unexpected X `context`", X being what is at the current position.
    func unexpected(_ context: String) -> TOMLError {
        error("unexpected \(Self.describe(current)) \(context)")
    }

    /// Spaces and tabs.
    mutating func skipSpaces() {
        while let byte = current, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
            advance()
        }
    }

    /// Spaces, tabs, newlines and comments, as allowed between the values of an array.
    mutating func skipBlankLines() throws(TOMLError) {
        while true {
            skipSpaces()
            if current == UInt8(ascii: "#") {
                try skipComment()
            } else if try !consumeNewline() {
                return
            }
        }
    }

    /// A comment from `#` up to (not including) the end of its line.
    mutating func skipComment() throws(TOMLError) {
        advance()
        while let byte = current, byte != UInt8(ascii: "\n") {
            if byte == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") { return }
            guard !Self.isControl(byte) || byte == UInt8(ascii: "\t") else {
                throw error("\(Self.describe(byte)) is not allowed in a comment")
            }
            advance()
        }
    }

    /// Consumes LF or CR LF; `false` when the next bytes are not a newline. A lone CR is an error.
    mutating func consumeNewline() throws(TOMLError) -> Bool {
        switch current {
        case UInt8(ascii: "\n"):
            advance()
            return true
        case UInt8(ascii: "\r"):
            guard peek(1) == UInt8(ascii: "\n") else { throw error("a carriage return must be followed by a line feed") }
            advance(2)
            return true
        default:
            return false
        }
    }

    /// After a key/value pair or a header: optional spaces and a comment, then a newline or the end.
    mutating func endOfLine(after what: String) throws(TOMLError) {
        skipSpaces()
        if current == UInt8(ascii: "#") { try skipComment() }
        if current == nil { return }
        guard try consumeNewline() else {
            throw error("unexpected \(Self.describe(current)) after \(what); expected the end of the line")
        }
    }

    /// C0 controls and DEL, which TOML allows only as tab (and newline where lines may end).
    static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F
    }

    /// A byte as a message shows it: `'x'` when printable ASCII, else a name or its code point.
    static func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "end of file" }
        switch byte {
        case UInt8(ascii: "\n"): return "end of line"
        case UInt8(ascii: " "): return "space"
        case UInt8(ascii: "\t"): return "tab"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        case 0x80...: return "non-ASCII character"
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
