extension TOMLParser {
    /// An array or inline table whose closing bracket is still ahead.
    private enum OpenValue {
        case array(start: TOMLPosition, depth: Int, items: [TOMLTreeBuilder.Node])
        /// `key` is the pair whose value is being read.
        case inlineTable(table: Int, depth: Int, key: [TOMLTreeBuilder.KeyPart])
    }

    /// One value at nesting `depth` (the document's top-level values are at 1).
    ///
    /// Arrays and inline tables nested in it are kept on a list of open values rather than on the
    /// call stack, so no input can exhaust the stack; the nesting limit bounds the list and the
    /// finished document.
    mutating func readValue(depth: Int) throws(TOMLError) -> TOMLTreeBuilder.Node {
        var open: [OpenValue] = []
        var depth = depth
        while true {
            guard depth <= tree.depthMax else { throw nestingLimitError() }
            let finished: TOMLTreeBuilder.Node
            switch current {
            case UInt8(ascii: "["):
                let start = position
                advance()
                try skipBlankLines()
                guard current == UInt8(ascii: "]") else {
                    open.append(.array(start: start, depth: depth, items: []))
                    depth += 1
                    continue
                }
                advance()
                finished = tree.newArray(at: start, depth: depth, items: [])
            case UInt8(ascii: "{"):
                let table = tree.newInlineTable(at: position, depth: depth)
                advance()
                skipSpaces()
                guard current == UInt8(ascii: "}") else {
                    let key = try readKeyAndEquals()
                    open.append(.inlineTable(table: table, depth: depth, key: key))
                    depth += key.count
                    continue
                }
                advance()
                tree.close(table: table)
                finished = .table(table)
            default:
                finished = .leaf(try readScalar())
            }
            if let value = try give(finished, to: &open, depth: &depth) { return value }
        }
    }

    /// Hands a finished value to the innermost open array or inline table, closing each one that
    /// ends right after it. Returns the outermost value once all are closed; `nil` when another
    /// value follows (`depth` is then its nesting).
    private mutating func give(
        _ value: TOMLTreeBuilder.Node, to open: inout [OpenValue], depth: inout Int
    ) throws(TOMLError) -> TOMLTreeBuilder.Node? {
        var finished = value
        while let innermost = open.popLast() {
            switch innermost {
            case .array(let start, let arrayDepth, var items):
                items.append(finished)
                try skipBlankLines()
                if current == UInt8(ascii: ",") {
                    advance()
                    try skipBlankLines()
                } else if current != UInt8(ascii: "]") {
                    throw unexpected("in an array; expected ',' or ']'")
                }
                if current == UInt8(ascii: "]") {
                    advance()
                    finished = tree.newArray(at: start, depth: arrayDepth, items: items)
                    continue
                }
                open.append(.array(start: start, depth: arrayDepth, items: items))
                depth = arrayDepth + 1
                return nil
            case .inlineTable(let table, let tableDepth, let key):
                try insert(key, finished, into: table)
                skipSpaces()
                switch current {
                case UInt8(ascii: ","):
                    advance()
                    skipSpaces()
                    guard current != UInt8(ascii: "}") else {
                        throw error("a comma in an inline table must be followed by another key (TOML 1.0 has no trailing comma)")
                    }
                    let next = try readKeyAndEquals()
                    open.append(.inlineTable(table: table, depth: tableDepth, key: next))
                    depth = tableDepth + next.count
                    return nil
                case UInt8(ascii: "}"):
                    advance()
                    tree.close(table: table)
                    finished = .table(table)
                default:
                    throw unexpected("in an inline table; expected ',' or '}' (an inline table stays on one line)")
                }
            }
        }
        return finished
    }

    private func nestingLimitError() -> TOMLError {
        error("nested deeper than \(tree.depthMax) levels, the TOML reader's nesting limit")
    }

    /// A string, boolean, number or date-time.
    private mutating func readScalar() throws(TOMLError) -> TOMLValue {
        let start = position
        switch current {
        case UInt8(ascii: "\""):
            let isMultiline = peek(1) == UInt8(ascii: "\"") && peek(2) == UInt8(ascii: "\"")
            let text = isMultiline ? try readMultilineBasicString() : try readBasicString()
            return TOMLValue(.string(text), at: start)
        case UInt8(ascii: "'"):
            let isMultiline = peek(1) == UInt8(ascii: "'") && peek(2) == UInt8(ascii: "'")
            let text = isMultiline ? try readMultilineLiteralString() : try readLiteralString()
            return TOMLValue(.string(text), at: start)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            return try readBoolean()
        case nil, UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"):
            throw error("expected a value, found \(Self.describe(current))")
        default:
            return isAtDateOrTime ? try readDateTime() : try readNumber()
        }
    }

    private mutating func readBoolean() throws(TOMLError) -> TOMLValue {
        let start = position
        for (word, flag) in [("true", true), ("false", false)] where bytes[index...].starts(with: word.utf8) {
            let next = peek(word.utf8.count)
            guard next.map({ !TOMLText.isBareKeyByte($0) }) ?? true else { break }
            advance(word.utf8.count)
            return TOMLValue(.boolean(flag), at: start)
        }
        throw error("not a value; expected true or false (lower case), a string in quotes, a number, a date-time, an array or an inline table")
    }
}
