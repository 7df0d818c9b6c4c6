/// A TOML table: its keys in the order they were written, each with its own position and value.
///
/// Keeps the order and the key positions so a reader of the table can report problems in file
/// order and point at the key itself (an unknown key) or at its value (a value out of range).
public struct TOMLTable: Sendable, Hashable {
    /// One key of a table and its value.
    public struct Entry: Sendable, Hashable {
        /// The key as decoded (quotes and escapes removed).
        public let key: String
        /// Where the key is written; for a table made by a dotted key or a header, where its part
        /// of that key is written.
        public let keyPosition: TOMLPosition
        public let value: TOMLValue
    }

    /// Tables up to this many keys are searched in order; larger ones get a dictionary. Most
    /// tables are small, and a dictionary each would multiply the memory a large file takes.
    static let scannedCountMax = 8

    /// The entries in the order their keys first appear in the text.
    public let entries: [Entry]
    private let indexOfKey: [String: Int]?

    init(entries: [Entry]) {
        self.entries = entries
        guard entries.count > Self.scannedCountMax else {
            indexOfKey = nil
            return
        }
        var index: [String: Int] = [:]
        for (offset, entry) in entries.enumerated() {
            index[entry.key] = offset
        }
        indexOfKey = index
    }

    /// The entry for `key`, if the table has one.
    public subscript(key: String) -> Entry? {
        guard let indexOfKey else { return entries.first { $0.key == key } }
        return indexOfKey[key].map { entries[$0] }
    }

    /// The keys in the order they were written.
    public var keys: [String] { entries.map(\.key) }

    public static func == (a: TOMLTable, b: TOMLTable) -> Bool {
        a.entries == b.entries
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries)
    }
}
