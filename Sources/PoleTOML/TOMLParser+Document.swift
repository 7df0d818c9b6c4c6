extension TOMLParser {
    /// Reads the whole document: headers, key/value pairs, comments and blank lines.
    mutating func readDocument() throws(TOMLError) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { advance(3) }
        while true {
            skipSpaces()
            keyContext = ""
            switch current {
            case nil:
                return
            case UInt8(ascii: "#"):
                try skipComment()
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                _ = try consumeNewline()
            case UInt8(ascii: "["):
                try readHeader()
                try endOfLine(after: "the table header")
            default:
                keyContext = tree.currentPath.joined(separator: ".")
                try readKeyValue()
                try endOfLine(after: "the value")
            }
        }
    }

    /// `[a.b]` or `[[a.b]]`.
    private mutating func readHeader() throws(TOMLError) {
        let start = position
        advance()
        let isArray = current == UInt8(ascii: "[")
        if isArray { advance() }
        skipSpaces()
        let parts = try readKey()
        keyContext = TOMLText.path(parts.map(\.text))
        skipSpaces()
        let closing = isArray ? "]]" : "]"
        guard current == UInt8(ascii: "]"), !isArray || peek(1) == UInt8(ascii: "]") else {
            throw error("unexpected \(Self.describe(current)) in the table header; expected '\(closing)'")
        }
        advance(isArray ? 2 : 1)
        do throws(TOMLTreeBuilder.Failure) {
            if isArray {
                try tree.openArrayElement(parts, at: start)
            } else {
                try tree.openTable(parts, at: start)
            }
        } catch {
            throw self.error(error)
        }
        keyContext = tree.currentPath.joined(separator: ".")
    }

    /// `key = value`, a line of the document, into the current table.
    mutating func readKeyValue() throws(TOMLError) {
        let table = tree.currentTable
        let parts = try readKeyAndEquals(namingContext: true)
        let node = try readValue(depth: tree.depth(ofTable: table) + parts.count)
        try insert(parts, node, into: table)
    }

    /// A key, `=` and the spaces around it; the key names messages when `namingContext`.
    mutating func readKeyAndEquals(namingContext: Bool = false) throws(TOMLError) -> [TOMLTreeBuilder.KeyPart] {
        let parts = try readKey()
        if namingContext { nameContext(parts) }
        skipSpaces()
        guard current == UInt8(ascii: "=") else { throw unexpected("after the key; expected '='") }
        advance()
        skipSpaces()
        return parts
    }

    private mutating func nameContext(_ parts: [TOMLTreeBuilder.KeyPart]) {
        keyContext = (tree.currentPath + parts.map { TOMLText.key($0.text) }).joined(separator: ".")
    }

    mutating func insert(_ parts: [TOMLTreeBuilder.KeyPart], _ node: TOMLTreeBuilder.Node, into table: Int) throws(TOMLError) {
        do throws(TOMLTreeBuilder.Failure) {
            try tree.insert(parts, node, into: table)
        } catch {
            throw self.error(error)
        }
    }
}
