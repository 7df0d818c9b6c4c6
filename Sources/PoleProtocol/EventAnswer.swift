public import PoleJSON

/// One element of `events`: an event from the store (or the daemon's memory without one), with the
/// event's own fields beside its id, times and name, as the trace names them.
public struct EventAnswer: ControlAnswer {
    /// The store's id (the one the uplink carries), nil while the event waits for the store's next
    /// write.
    public var id: Int64?
    /// Wall-clock time, ms since the Unix epoch.
    public var utcMs: Int64
    /// ms since the daemon that recorded it started.
    public var monotonicMs: Int64
    public var name: String
    /// The event's fields, such as `fault`, `by`, `reason`.
    public var fields: [String: String]

    /// The keys of the answer's own fields; an event's fields never use them.
    static let ownKeys: Set<String> = ["id", "utc_ms", "t_ms", "name"]

    public init(id: Int64?, utcMs: Int64, monotonicMs: Int64, name: String, fields: [String: String]) {
        self.id = id
        self.utcMs = utcMs
        self.monotonicMs = monotonicMs
        self.name = name
        self.fields = fields
    }

    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "id": id.map { .integer($0) } ?? .null, "utc_ms": .integer(utcMs), "t_ms": .integer(monotonicMs), "name": .string(name),
        ]
        for (key, value) in fields where !Self.ownKeys.contains(key) { object[key] = .string(value) }
        return .object(object)
    }

    /// Reads an event; a field that is not a string (none is, in v1) is kept as its JSON text.
    public init(json: JSONValue) throws(AnswerError) {
        let reader = try AnswerReader(json)
        var fields: [String: String] = [:]
        for (key, value) in reader.all where !Self.ownKeys.contains(key) { fields[key] = value.string ?? value.serialized }
        self.init(
            id: try reader.optionalInteger("id"), utcMs: try reader.integer("utc_ms"), monotonicMs: try reader.integer("t_ms"),
            name: try reader.string("name"), fields: fields
        )
    }
}
