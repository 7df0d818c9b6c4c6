import PoleJSON
import PoleTOML

/// Compares a decoded TOML document with toml-test's tagged JSON: tables are objects, arrays are
/// arrays, and every scalar is `{"type": T, "value": V}` with V a string; floats and date-times
/// compare by value.
enum TaggedJSON {
    /// The first difference, as a path and what differs, or `nil` when they match.
    static func difference(_ value: TOMLValue, _ expected: JSONValue, path: String = "") -> String? {
        switch (value.content, expected) {
        case (.table(let table), .object(let fields)) where !isScalar(fields):
            return difference(table, fields, path: path)
        case (.array(let items), .array(let expectedItems)):
            guard items.count == expectedItems.count else { return "\(path): \(items.count) items, expected \(expectedItems.count)" }
            for (index, (item, expectedItem)) in zip(items, expectedItems).enumerated() {
                if let difference = difference(item, expectedItem, path: "\(path)[\(index)]") { return difference }
            }
            return nil
        case (_, .object(let fields)) where isScalar(fields):
            guard case .string(let type) = fields["type"], case .string(let text) = fields["value"] else { return "\(path): bad tag" }
            return scalarMatches(value.content, type: type, text: text) ? nil : "\(path): \(value.content), expected \(type) \(text)"
        default:
            return "\(path): \(value.content), expected \(expected.typeName)"
        }
    }

    static func difference(_ table: TOMLTable, _ fields: [String: JSONValue], path: String = "") -> String? {
        guard Set(table.keys) == Set(fields.keys) else {
            return "\(path): keys \(table.keys.sorted()), expected \(fields.keys.sorted())"
        }
        for entry in table.entries {
            guard let field = fields[entry.key] else { return "\(path): no \(entry.key)" }
            if let difference = difference(entry.value, field, path: "\(path).\(entry.key)") { return difference }
        }
        return nil
    }

    private static func isScalar(_ fields: [String: JSONValue]) -> Bool {
        guard fields.count == 2, case .string = fields["type"], case .string = fields["value"] else { return false }
        return true
    }

    private static func scalarMatches(_ content: TOMLValue.Content, type: String, text: String) -> Bool {
        switch (content, type) {
        case (.string(let string), "string"): return string == text
        case (.integer(let integer), "integer"): return Int64(text) == integer
        case (.boolean(let flag), "bool"): return text == String(flag)
        case (.float(let float), "float"):
            guard let expected = expectedFloat(text) else { return false }
            return expected.isNaN ? float.isNaN : expected == float
        case (.dateTime(let dateTime), "datetime"), (.dateTime(let dateTime), "datetime-local"),
             (.dateTime(let dateTime), "date-local"), (.dateTime(let dateTime), "time-local"):
            guard let expected = expectedDateTime(text) else { return false }
            let kinds: [String: TOMLDateTime.Kind] = [
                "datetime": .offsetDateTime, "datetime-local": .localDateTime, "date-local": .localDate, "time-local": .localTime,
            ]
            return dateTime.kind == kinds[type] && dateTime == expected
        default: return false
        }
    }

    private static func expectedFloat(_ text: String) -> Double? {
        switch text {
        case "inf", "+inf": .infinity
        case "-inf": -.infinity
        case "nan", "+nan", "-nan": .nan
        default: Double(text)
        }
    }

    /// The JSON's RFC 3339 text read as a TOML value, which it also is.
    private static func expectedDateTime(_ text: String) -> TOMLDateTime? {
        guard let table = try? TOMLReader.read("v = \(text)"), case .dateTime(let dateTime) = table["v"]?.value.content else {
            return nil
        }
        return dateTime
    }
}
