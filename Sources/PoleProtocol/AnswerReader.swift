import PoleJSON

/// Reads an answer object's fields by name for `ControlAnswer.init(json:)`: required ones must be
/// there with their type, nullable ones may be null (or, from an older daemon, absent), and fields
/// not asked for are ignored.
struct AnswerReader {
    private let fields: [String: JSONValue]

    init(_ value: JSONValue) throws(AnswerError) {
        guard case .object(let fields) = value else { throw AnswerError(path: "", "expected an object, found \(value.typeName)") }
        self.fields = fields
    }

    /// Every field, for answers that carry fields of their own (an event's).
    var all: [String: JSONValue] { fields }

    func string(_ key: String) throws(AnswerError) -> String {
        try required(key, "a string", \.string)
    }

    func optionalString(_ key: String) throws(AnswerError) -> String? {
        try optional(key, "a string", \.string)
    }

    func bool(_ key: String) throws(AnswerError) -> Bool {
        try required(key, "true or false", \.bool)
    }

    func optionalBool(_ key: String) throws(AnswerError) -> Bool? {
        try optional(key, "true or false", \.bool)
    }

    func integer(_ key: String) throws(AnswerError) -> Int64 {
        try required(key, "an integer", Self.integer)
    }

    func optionalInteger(_ key: String) throws(AnswerError) -> Int64? {
        try optional(key, "an integer", Self.integer)
    }

    func optionalNumber(_ key: String) throws(AnswerError) -> Double? {
        try optional(key, "a number", \.number)
    }

    func strings(_ key: String) throws(AnswerError) -> [String] {
        try required(key, "an array of strings") { value in
            value.array.flatMap { items in
                let texts = items.compactMap(\.string)
                return texts.count == items.count ? texts : nil
            }
        }
    }

    /// A nested answer, required.
    func answer<Answer: ControlAnswer>(_ key: String, _: Answer.Type = Answer.self) throws(AnswerError) -> Answer {
        guard let value = fields[key] else { throw AnswerError(path: key, "missing") }
        do throws(AnswerError) {
            return try Answer(json: value)
        } catch {
            throw error.inside(key)
        }
    }

    /// A nested answer that may be null, or absent (from a daemon older than the field).
    func optionalAnswer<Answer: ControlAnswer>(_ key: String, _: Answer.Type = Answer.self) throws(AnswerError) -> Answer? {
        guard let value = fields[key], value != .null else { return nil }
        do throws(AnswerError) {
            return try Answer(json: value)
        } catch {
            throw error.inside(key)
        }
    }

    private func required<Value>(_ key: String, _ expected: String, _ read: (JSONValue) -> Value?) throws(AnswerError) -> Value {
        guard let value = fields[key] else { throw AnswerError(path: key, "missing; expected \(expected)") }
        guard let typed = read(value) else { throw AnswerError(path: key, "expected \(expected), found \(value.typeName)") }
        return typed
    }

    private func optional<Value>(_ key: String, _ expected: String, _ read: (JSONValue) -> Value?) throws(AnswerError) -> Value? {
        guard let value = fields[key], value != .null else { return nil }
        guard let typed = read(value) else { throw AnswerError(path: key, "expected \(expected) or null, found \(value.typeName)") }
        return typed
    }

    private static func integer(_ value: JSONValue) -> Int64? {
        value.number.flatMap { Int64(exactly: $0) }
    }
}
