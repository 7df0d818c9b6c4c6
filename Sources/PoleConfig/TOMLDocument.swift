import PoleTOML

/// A board or site file read as TOML, each value knowing its line, with the file name for messages.
///
/// The one place that calls the TOML reader: its errors become `ConfigIssue`s naming the file, the
/// line and the key being read.
struct TOMLDocument: Sendable {
    /// The file name used in messages.
    let file: String
    /// The top-level table.
    let root: TOMLTable

    /// Reads `text`; throws a `ConfigError` with the reader's line and key on any error.
    init(file: String, text: String) throws(ConfigError) {
        self.file = file
        do {
            root = try TOMLReader.read(text)
        } catch {
            throw ConfigError(issues: [
                ConfigIssue(file: file, line: error.position.line, keyPath: error.keyPath, problem: "not valid TOML: \(error.message)")
            ])
        }
    }

    /// The value at a path of table keys (`["crosswalk", "flash", "max_pulse"]`), if it is written.
    func value(at path: [String]) -> TOMLValue? {
        guard let first = path.first, var value = root[first]?.value else { return nil }
        for key in path.dropFirst() {
            guard case .table(let table) = value.content, let entry = table[key] else { return nil }
            value = entry.value
        }
        return value
    }

    /// The line of the value at `path`, or else of the nearest enclosing table that is written.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let value = value(at: path) { return value.position.line }
            path.removeLast()
        }
        return nil
    }
}
