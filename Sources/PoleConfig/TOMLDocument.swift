import TOMLKit

/// A TOML file parsed into `ConfigValue`s, with the line of each key where the text shows it.
///
/// The only place that touches the TOML library. Its syntax errors become `ConfigIssue`s with the
/// parser's line and, where the line holds a key, that key's path.
public struct TOMLDocument: Sendable {
    /// The file name used in messages.
    public let file: String
    /// The top-level table.
    public let root: [String: ConfigValue]
    /// Where each key path appears in the text.
    public let lines: TOMLLineIndex

    /// Parses `text`; throws a `ConfigError` with the parser's location on a syntax error.
    public init(file: String, text: String) throws(ConfigError) {
        self.file = file
        lines = TOMLLineIndex(text: text)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line
            throw ConfigError(issues: [
                ConfigIssue(
                    file: file, line: line, keyPath: lines.keyPath(atLine: line) ?? "",
                    problem: "not valid TOML: \(error.description)"
                )
            ])
        } catch {
            throw ConfigError(issues: [ConfigIssue(file: file, line: nil, keyPath: "", problem: "not valid TOML: \(error)")])
        }
        root = Self.convert(table)
    }

    private static func convert(_ table: TOMLTable) -> [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        for (key, value) in table {
            result[key] = convert(value)
        }
        return result
    }

    private static func convert(_ value: any TOMLValueConvertible) -> ConfigValue {
        switch value.type {
        case .table: .table(value.table.map(convert) ?? [:])
        case .array: .array(value.array.map { $0.map(convert) } ?? [])
        case .string: .string(value.string ?? "")
        case .int: .integer(value.int ?? 0)
        case .double: .float(value.double ?? 0)
        case .bool: .bool(value.bool ?? false)
        case .date, .time, .dateTime: .dateTime(value.debugDescription)
        }
    }
}
