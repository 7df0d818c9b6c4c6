import PoleCore
import PoleTOML

/// Reads one TOML table key by key, checking types and ranges, and reports every key it did not read.
///
/// Exists so each setting is read in one line that states its type, default and range, and so a
/// misspelt key can never pass silently: `finish()` turns every unread key into an "unknown key" issue
/// that lists the keys this table does know. Every issue names the line of the value it is about,
/// or the table's own line for a key that is missing.
struct TableReader {
    let document: TOMLDocument
    let path: String
    /// Where the table is written (its header, its `{`, or the key that made it); `nil` for the
    /// document's top level.
    let line: Int?
    private let table: TOMLTable
    private var known: [String] = []

    init(document: TOMLDocument, path: String, table: TOMLTable, line: Int?) {
        self.document = document
        self.path = path
        self.table = table
        self.line = line
    }

    /// A reader for the document's top-level table.
    init(root document: TOMLDocument) {
        self.init(document: document, path: "", table: document.root, line: nil)
    }

    func keyPath(_ key: String) -> String {
        path.isEmpty ? TOMLText.key(key) : "\(path).\(TOMLText.key(key))"
    }

    /// The line of `key`'s value, or the table's line when the key is not written.
    func line(of key: String) -> Int? {
        table[key]?.value.position.line ?? line
    }

    /// A problem with `key`'s value (or, for `""`, with the table), at its line.
    func issue(_ key: String, _ problem: String) -> ConfigIssue {
        ConfigIssue(file: document.file, line: key.isEmpty ? line : line(of: key), keyPath: key.isEmpty ? path : keyPath(key), problem: problem)
    }

    /// A problem with one item of `key`'s array, at the item's own line.
    func issue(_ key: String, item: TOMLValue, _ problem: String) -> ConfigIssue {
        ConfigIssue(file: document.file, line: item.position.line, keyPath: keyPath(key), problem: problem)
    }

    /// The keys present in this table, in the order they are written.
    var presentKeys: [String] { table.keys }

    /// Marks `key` as known and returns its raw value, if present.
    mutating func raw(_ key: String) -> TOMLValue? {
        known.append(key)
        return table[key]?.value
    }

    /// A sub-table, or `nil` if absent; a non-table value is an issue.
    mutating func table(_ key: String, log: inout IssueLog) -> TableReader? {
        guard let value = raw(key) else { return nil }
        guard case .table(let entries) = value.content else {
            log.add(issue(key, "expected a table, found \(value.typeName)"))
            return nil
        }
        return TableReader(document: document, path: keyPath(key), table: entries, line: value.position.line)
    }

    mutating func string(_ key: String, log: inout IssueLog) -> String? {
        guard let value = raw(key) else { return nil }
        guard case .string(let text) = value.content else {
            log.add(issue(key, "expected a string, found \(value.typeName) \(value.quoted)"))
            return nil
        }
        return text
    }

    mutating func bool(_ key: String, log: inout IssueLog) -> Bool? {
        guard let value = raw(key) else { return nil }
        guard case .boolean(let flag) = value.content else {
            log.add(issue(key, "expected true or false, found \(value.typeName) \(value.quoted)"))
            return nil
        }
        return flag
    }

    mutating func integer(_ key: String, range: ClosedRange<Int>, log: inout IssueLog) -> Int? {
        guard let value = raw(key) else { return nil }
        guard case .integer(let written) = value.content else {
            log.add(issue(key, "expected an integer, found \(value.typeName) \(value.quoted)"))
            return nil
        }
        guard let number = Int(exactly: written), range.contains(number) else {
            log.add(issue(key, "\(written) is out of range; expected \(range.lowerBound)…\(range.upperBound)"))
            return nil
        }
        return number
    }

    mutating func number(_ key: String, range: ClosedRange<Double>, log: inout IssueLog) -> Double? {
        guard let value = raw(key) else { return nil }
        let number: Double
        switch value.content {
        case .float(let float): number = float
        case .integer(let integer): number = Double(integer)
        default:
            log.add(issue(key, "expected a number, found \(value.typeName) \(value.quoted)"))
            return nil
        }
        guard number.isFinite, range.contains(number) else {
            log.add(issue(key, "\(number) is out of range; expected \(range.lowerBound)…\(range.upperBound)"))
            return nil
        }
        return number
    }

    /// A duration string such as `"40ms"`, in ms, checked against `range`.
    mutating func duration(_ key: String, range: ClosedRange<Int64>, log: inout IssueLog) -> Int64? {
        guard let value = raw(key) else { return nil }
        guard case .string(let text) = value.content else {
            log.add(issue(key, "expected a duration string like \"30s\", found \(value.typeName) \(value.quoted)"))
            return nil
        }
        switch DurationText.milliseconds(text) {
        case .failure(let problem):
            log.add(issue(key, "\(TOMLText.quoted(text)) \(problem)"))
            return nil
        case .success(let milliseconds):
            guard range.contains(milliseconds) else {
                let low = DurationText.format(milliseconds: range.lowerBound)
                let high = DurationText.format(milliseconds: range.upperBound)
                log.add(issue(key, "\(TOMLText.quoted(text)) is out of range; expected \(low)…\(high)"))
                return nil
            }
            return milliseconds
        }
    }

    /// One of a fixed set of strings.
    mutating func choice<Choice>(_ key: String, _ choices: [(String, Choice)], log: inout IssueLog) -> Choice? {
        guard let text = string(key, log: &log) else { return nil }
        guard let match = choices.first(where: { $0.0 == text }) else {
            let names = choices.map { "\"\($0.0)\"" }.joined(separator: ", ")
            log.add(issue(key, "\(TOMLText.quoted(text)) is not one of \(names)"))
            return nil
        }
        return match.1
    }

    /// Reports every key that was never read, naming the keys this table accepts.
    func finish(log: inout IssueLog) {
        var accepted: [String] = []
        for key in known where !accepted.contains(key) {
            accepted.append(key)
        }
        for key in table.keys where !known.contains(key) {
            let accepted = accepted.joined(separator: ", ")
            log.add(issue(key, "unknown key; expected one of: \(accepted)"))
        }
    }
}
