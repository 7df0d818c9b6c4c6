import PoleCore
import PoleJSON

/// Reads a request's fields by name, remembering which were read so `finish()` can name any the
/// command does not take.
struct FieldReader {
    private let fields: [String: JSONValue]
    private var read: Set<String> = ["v", "cmd", "id"]

    init(fields: [String: JSONValue]) {
        self.fields = fields
    }

    func has(_ key: String) -> Bool {
        fields[key] != nil
    }

    mutating func bool(_ key: String) throws(ControlError) -> Bool {
        read.insert(key)
        guard let value = fields[key] else { throw ControlError(.badField, "\(key): missing; expected true or false") }
        guard let flag = value.bool else { throw ControlError(.badField, "\(key): expected true or false, found \(value.typeName)") }
        return flag
    }

    mutating func string(_ key: String) throws(ControlError) -> String {
        read.insert(key)
        guard let value = fields[key] else { throw ControlError(.badField, "\(key): missing; expected a string") }
        guard let text = value.string else { throw ControlError(.badField, "\(key): expected a string, found \(value.typeName)") }
        return text
    }

    mutating func strings(_ key: String) throws(ControlError) -> [String] {
        read.insert(key)
        guard let items = fields[key]?.array else { throw ControlError(.badField, "\(key): expected an array of strings") }
        var texts: [String] = []
        for item in items {
            guard let text = item.string else { throw ControlError(.badField, "\(key): expected strings, found \(item.typeName)") }
            texts.append(text)
        }
        return texts
    }

    /// A duration such as "30s" or "10m", from one second up to `max`; `default` when absent.
    mutating func duration(_ key: String, default fallback: Int64, max: Int64) throws(ControlError) -> Int64 {
        guard has(key) else {
            read.insert(key)
            return fallback
        }
        let text = try string(key)
        switch DurationText.milliseconds(text) {
        case .failure(let problem):
            throw ControlError(.badField, "\(key): \"\(text)\" \(problem)")
        case .success(let ms):
            guard ms >= 1_000 || key == "since" else { throw ControlError(.badField, "\(key): \"\(text)\" is shorter than 1s") }
            guard ms <= max else {
                throw ControlError(.badField, "\(key): \"\(text)\" is longer than the \(DurationText.format(milliseconds: max)) allowed")
            }
            return ms
        }
    }

    /// The `reason` field: required for clearing faults, at most 200 characters, no control characters.
    mutating func reason(required: Bool) throws(ControlError) -> String? {
        guard has("reason") else {
            read.insert("reason")
            if required { throw ControlError(.badField, "reason: missing; say why, for the audit trail") }
            return nil
        }
        let text = try string("reason")
        if required, text.allSatisfy(\.isWhitespace) { throw ControlError(.badField, "reason: empty; say why, for the audit trail") }
        guard text.unicodeScalars.count <= ControlProtocol.maxReasonCharacters else {
            throw ControlError(.badField, "reason: longer than \(ControlProtocol.maxReasonCharacters) characters")
        }
        let hidden: Set<Unicode.GeneralCategory> = [.control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned]
        guard !text.unicodeScalars.contains(where: { hidden.contains($0.properties.generalCategory) }) else {
            throw ControlError(.badField, "reason: contains control or formatting characters; plain text only")
        }
        return text
    }

    /// Fails on the first field (in name order) the command did not read.
    func finish() throws(ControlError) {
        if let unknown = fields.keys.sorted().first(where: { !read.contains($0) }) {
            throw ControlError(.unknownField, "\(unknown): not a field of this command")
        }
    }
}
