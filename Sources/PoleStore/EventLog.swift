public import PoleCore

/// The daemon's recent events in memory, for `polectl events` when the pole runs without its store.
///
/// Exists so a technician arriving at a pole sees what happened before they came: faults, clears,
/// maintenance, tests, sensor errors, alerts, night changes and every audited command. Head changes
/// and air minutes (many an hour) are left to the trace so they do not push the rest out. With the
/// store, the same entries are read from the database instead (`StoreService`).
public struct EventLog: Sendable {
    /// One event with the times it happened.
    public struct Entry: Sendable, Hashable {
        /// The store's id, the same in the database and in every uplink message; `nil` while the
        /// entry waits for the store's next write, or without a store.
        public var id: Int64?
        /// Wall-clock time, ms since the Unix epoch.
        public var utcMs: Int64
        /// Monotonic ms since the daemon started.
        public var monotonicMs: Int64
        public var name: String
        public var fields: [String: String]

        public init(id: Int64? = nil, utcMs: Int64, monotonicMs: Int64, name: String, fields: [String: String]) {
            self.id = id
            self.utcMs = utcMs
            self.monotonicMs = monotonicMs
            self.name = name
            self.fields = fields
        }

        /// The entry for `event`.
        public init(_ event: Event, utcMs: Int64, monotonicMs: Int64) {
            var fields: [String: String] = [:]
            for (key, value) in event.traceFields { fields[key] = value }
            self.init(utcMs: utcMs, monotonicMs: monotonicMs, name: event.traceName, fields: fields)
        }
    }

    /// How many entries are kept; the oldest go first.
    public let capacity: Int
    private var entries: [Entry] = []
    private var next = 0

    /// The entries a log keeps, and the most `events` answers with.
    public static let defaultCapacity = 1_000

    public init(capacity: Int = defaultCapacity) {
        precondition(capacity > 0, "an event log keeps at least one entry")
        self.capacity = capacity
    }

    /// Whether the log keeps this kind of event.
    public static func keeps(_ event: Event) -> Bool {
        switch event {
        case .head, .airMinute: false
        default: true
        }
    }

    /// Appends the events worth keeping.
    public mutating func append(_ events: [Event], utcMs: Int64, monotonicMs: Int64) {
        for event in events where Self.keeps(event) {
            let entry = Entry(event, utcMs: utcMs, monotonicMs: monotonicMs)
            if entries.count < capacity {
                entries.append(entry)
            } else {
                entries[next] = entry
                next = (next + 1) % capacity
            }
        }
    }

    /// The entries, oldest first, those at or after `sinceMonotonicMs` when given.
    public func entries(sinceMonotonicMs: Int64? = nil) -> [Entry] {
        let ordered = Array(entries[next...] + entries[..<next])
        guard let since = sinceMonotonicMs else { return ordered }
        return ordered.filter { $0.monotonicMs >= since }
    }
}
