/// The document being read, kept flat (tables and arrays in arrays, linked by index) so that adding
/// a key deep inside it is a constant-time, in-place change, and TOML's rules about which tables may
/// be extended are checked where they apply.
///
/// TOML lets a table be defined once: by a `[header]`, by dotted keys, or as an inline table. A
/// table made only because a header passed through it may be defined by its own header later;
/// one made by dotted keys may get more dotted keys and sub-tables by header, never its own header;
/// an inline table and a plain array are closed once written.
struct TOMLTreeBuilder {
    /// A value in the document: a finished scalar, or a table or array still being built.
    enum Node {
        case leaf(TOMLValue)
        case table(Int)
        case array(Int)
    }

    /// How a table came to exist, which decides how it may be extended.
    enum Origin {
        case root
        /// Passed through by a header (`[a.b]` makes `a`); may still get its own header.
        case implicit
        case header
        case dotted
        case inline
        /// One table of an array of tables.
        case arrayElement
    }

    struct Entry {
        let key: String
        let keyPosition: TOMLPosition
        var node: Node
    }

    struct Table {
        var position: TOMLPosition
        var origin: Origin
        /// Levels below the document's top-level table (which is 0).
        let depth: Int
        var isClosed = false
        private(set) var entries: [Entry] = []
        /// Made once the table outgrows `TOMLTable.scannedCountMax` keys.
        private var indexOfKey: [String: Int]?

        init(position: TOMLPosition, origin: Origin, depth: Int) {
            self.position = position
            self.origin = origin
            self.depth = depth
        }

        func entry(_ key: String) -> Entry? {
            guard let indexOfKey else { return entries.first { $0.key == key } }
            return indexOfKey[key].map { entries[$0] }
        }

        mutating func add(_ entry: Entry) {
            entries.append(entry)
            if indexOfKey != nil {
                indexOfKey?[entry.key] = entries.count - 1
            } else if entries.count > TOMLTable.scannedCountMax {
                var index: [String: Int] = [:]
                for (offset, entry) in entries.enumerated() { index[entry.key] = offset }
                indexOfKey = index
            }
        }
    }

    struct ArrayStore {
        let position: TOMLPosition
        let ofTables: Bool
        let depth: Int
        var items: [Node] = []
    }

    /// A rule of TOML broken, at `position`.
    struct Failure: Error {
        let message: String
        let position: TOMLPosition
    }

    /// One part of a dotted key, where it is written.
    struct KeyPart {
        let text: String
        let position: TOMLPosition
    }

    private(set) var tables = [Table(position: TOMLPosition(line: 1, column: 1), origin: .root, depth: 0)]
    private(set) var arrays: [ArrayStore] = []
    /// The table that key/value lines go into: the last header's.
    private(set) var currentTable = 0
    /// The last header's key as messages write it, with `[n]` for the n-th table of an array.
    private(set) var currentPath: [String] = []
    let depthMax: Int

    init(depthMax: Int) {
        self.depthMax = depthMax
    }

    func depth(ofTable table: Int) -> Int { tables[table].depth }

    /// A new table for an inline table `{…}`; close it with `close(table:)` at its `}`.
    mutating func newInlineTable(at position: TOMLPosition, depth: Int) -> Int {
        tables.append(Table(position: position, origin: .inline, depth: depth))
        return tables.count - 1
    }

    /// Marks an inline table as written: no key may be added to it from outside.
    mutating func close(table: Int) {
        tables[table].isClosed = true
    }

    /// A new plain array `[…]` holding `items`.
    mutating func newArray(at position: TOMLPosition, depth: Int, items: [Node]) -> Node {
        arrays.append(ArrayStore(position: position, ofTables: false, depth: depth, items: items))
        return .array(arrays.count - 1)
    }

    /// `[a.b.c]`: defines table `a.b.c` and makes it the current table.
    mutating func openTable(_ parts: [KeyPart], at position: TOMLPosition) throws(Failure) {
        guard let last = parts.last else { throw Failure(message: "a table header needs a key", position: position) }
        var path: [String] = []
        let parent = try walkHeader(parts.dropLast(), path: &path)
        let written = TOMLText.key(last.text)
        if let entry = tables[parent].entry(last.text) {
            guard case .table(let table) = entry.node, tables[table].origin == .implicit else {
                throw Failure(message: redefinition(of: entry, as: "[\(TOMLText.path(parts.map(\.text)))]"), position: last.position)
            }
            tables[table].origin = .header
            tables[table].position = position
            currentTable = table
        } else {
            let depth = tables[parent].depth + 1
            try checkDepth(depth, at: last.position)
            tables.append(Table(position: position, origin: .header, depth: depth))
            add(Entry(key: last.text, keyPosition: last.position, node: .table(tables.count - 1)), to: parent)
            currentTable = tables.count - 1
        }
        currentPath = path + [written]
    }

    /// `[[a.b.c]]`: appends a table to the array of tables `a.b.c` and makes it the current table.
    mutating func openArrayElement(_ parts: [KeyPart], at position: TOMLPosition) throws(Failure) {
        guard let last = parts.last else { throw Failure(message: "a table header needs a key", position: position) }
        var path: [String] = []
        let parent = try walkHeader(parts.dropLast(), path: &path)
        let array: Int
        if let entry = tables[parent].entry(last.text) {
            guard case .array(let existing) = entry.node, arrays[existing].ofTables else {
                throw Failure(message: redefinition(of: entry, as: "[[\(TOMLText.path(parts.map(\.text)))]]"), position: last.position)
            }
            array = existing
        } else {
            let depth = tables[parent].depth + 1
            try checkDepth(depth + 1, at: last.position)
            arrays.append(ArrayStore(position: position, ofTables: true, depth: depth))
            array = arrays.count - 1
            add(Entry(key: last.text, keyPosition: last.position, node: .array(array)), to: parent)
        }
        tables.append(Table(position: position, origin: .arrayElement, depth: arrays[array].depth + 1))
        arrays[array].items.append(.table(tables.count - 1))
        currentTable = tables.count - 1
        currentPath = path + ["\(TOMLText.key(last.text))[\(arrays[array].items.count - 1)]"]
    }

    /// `a.b.c = value` inside `table`: makes `a` and `a.b` as dotted-key tables where missing.
    mutating func insert(_ parts: [KeyPart], _ node: Node, into table: Int) throws(Failure) {
        guard let last = parts.last else { throw Failure(message: "a key/value pair needs a key", position: TOMLPosition(line: 1, column: 1)) }
        var target = table
        for part in parts.dropLast() {
            if let entry = tables[target].entry(part.text) {
                guard case .table(let inner) = entry.node, tables[inner].origin == .dotted, !tables[inner].isClosed else {
                    throw Failure(message: "\(describe(entry)); dotted keys cannot add to it", position: part.position)
                }
                target = inner
            } else {
                let depth = tables[target].depth + 1
                try checkDepth(depth, at: part.position)
                tables.append(Table(position: part.position, origin: .dotted, depth: depth))
                add(Entry(key: part.text, keyPosition: part.position, node: .table(tables.count - 1)), to: target)
                target = tables.count - 1
            }
        }
        if let entry = tables[target].entry(last.text) {
            throw Failure(message: "\(describe(entry)); a key is defined once", position: last.position)
        }
        add(Entry(key: last.text, keyPosition: last.position, node: node), to: target)
    }

    private mutating func add(_ entry: Entry, to table: Int) {
        tables[table].add(entry)
    }

    /// Follows a header's leading keys from the top, making tables where missing; through an
    /// array of tables it goes into the last table.
    private mutating func walkHeader(_ parts: ArraySlice<KeyPart>, path: inout [String]) throws(Failure) -> Int {
        var target = 0
        for part in parts {
            let written = TOMLText.key(part.text)
            if let entry = tables[target].entry(part.text) {
                switch entry.node {
                case .table(let inner) where !tables[inner].isClosed:
                    target = inner
                    path.append(written)
                case .array(let array) where arrays[array].ofTables:
                    guard case .table(let inner) = arrays[array].items.last else {
                        throw Failure(message: "\(describe(entry)); a header cannot add to it", position: part.position)
                    }
                    target = inner
                    path.append("\(written)[\(arrays[array].items.count - 1)]")
                default:
                    throw Failure(message: "\(describe(entry)); a header cannot add to it", position: part.position)
                }
            } else {
                let depth = tables[target].depth + 1
                try checkDepth(depth, at: part.position)
                tables.append(Table(position: part.position, origin: .implicit, depth: depth))
                add(Entry(key: part.text, keyPosition: part.position, node: .table(tables.count - 1)), to: target)
                target = tables.count - 1
                path.append(written)
            }
        }
        return target
    }

    private func checkDepth(_ depth: Int, at position: TOMLPosition) throws(Failure) {
        guard depth <= depthMax else {
            throw Failure(message: "nested deeper than \(depthMax) levels, the TOML reader's nesting limit", position: position)
        }
    }

    private func redefinition(of entry: Entry, as header: String) -> String {
        "\(describe(entry)); \(header) cannot define it again"
    }

    /// What a key already holds and where, for "defined twice" messages.
    private func describe(_ entry: Entry) -> String {
        let key = TOMLText.key(entry.key)
        switch entry.node {
        case .leaf(let value):
            return "\(key) already holds a value (line \(value.position.line))"
        case .array(let array):
            let kind = arrays[array].ofTables ? "an array of tables" : "an array"
            return "\(key) is already \(kind) (line \(arrays[array].position.line))"
        case .table(let table):
            let how = switch tables[table].origin {
            case .dotted: "defined by dotted keys"
            case .inline: "defined as an inline table"
            case .implicit: "made by a header"
            default: "defined by a header"
            }
            return "\(key) is already a table \(how) (line \(tables[table].position.line))"
        }
    }
}
