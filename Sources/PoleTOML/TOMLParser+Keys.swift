extension TOMLParser {
    /// A dotted key: simple keys joined by `.`, with spaces allowed around each dot. A key of more
    /// parts than the nesting limit is refused at the first part too many, before any table is made.
    mutating func readKey() throws(TOMLError) -> [TOMLTreeBuilder.KeyPart] {
        var parts: [TOMLTreeBuilder.KeyPart] = []
        while true {
            skipSpaces()
            guard parts.count < tree.depthMax else {
                throw error("a key of more than \(tree.depthMax) parts is beyond the TOML reader's nesting limit")
            }
            parts.append(try readSimpleKey())
            skipSpaces()
            guard current == UInt8(ascii: ".") else { return parts }
            advance()
        }
    }

    /// A bare key (`A-Z a-z 0-9 _ -`), a basic string key or a literal string key.
    private mutating func readSimpleKey() throws(TOMLError) -> TOMLTreeBuilder.KeyPart {
        let start = position
        switch current {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            guard peek(1) != current || peek(2) != current else {
                throw error("a key cannot be a multi-line string")
            }
            let text = current == UInt8(ascii: "\"") ? try readBasicString() : try readLiteralString()
            return TOMLTreeBuilder.KeyPart(text: text, position: start)
        default:
            var text = ""
            while let byte = current, TOMLText.isBareKeyByte(byte) {
                text.unicodeScalars.append(Unicode.Scalar(byte))
                advance()
            }
            guard !text.isEmpty else {
                throw error("unexpected \(Self.describe(current)); expected a key (letters, digits, '_', '-', or a quoted key)")
            }
            return TOMLTreeBuilder.KeyPart(text: text, position: start)
        }
    }
}
