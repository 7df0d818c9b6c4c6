import CSQLite
import Glibc
public import PoleCore
import PoleJSON

/// The pole's local database (SQLite, WAL): events, latched faults, air minutes, lamp counters, and
/// the uplink's outbox.
///
/// Exists so nothing the district needs is lost to a restart or a dead modem, while the SD card is
/// written as little as possible: one connection in exclusive locking mode (no shared-memory file
/// to write back), 1 KiB pages, one transaction per batch, `synchronous = FULL` so a batch that
/// returned is on the card. Not `Sendable`: `StoreService` owns it on its own queue; a simulation
/// owns it on its one thread.
public final class StoreDatabase {
    /// What an outbox message carries; the uplink publishes it to `<prefix>/<site>/<kind>`, with the
    /// prefix and site of its settings at the time it sends, so a reconfigured uplink sends the
    /// backlog where the district now expects it.
    public enum MessageKind: String, Sendable {
        case events
        case air
    }

    /// What retention deleted.
    public struct Retention: Sendable, Hashable {
        public var events = 0
        public var airMinutes = 0
        public var outbox = 0

        public var total: Int { events + airMinutes + outbox }
    }

    /// Sizes and counts for `polectl status` and the benchmark.
    public struct Statistics: Sendable, Hashable {
        public var fileBytes: Int64
        public var usedBytes: Int64
        public var events: Int64
        public var airMinutes: Int64
        public var outbox: Int64
    }

    public let path: String
    /// Whether writes queue uplink messages in the outbox (the uplink is on).
    let queuesUplink: Bool
    let connection: SQLiteConnection
    private let insertEvent: SQLiteStatement
    private let insertAir: SQLiteStatement
    private let insertOutbox: SQLiteStatement
    private let deleteOutbox: SQLiteStatement
    /// The last event id committed: the largest of the table's ids and its `sqlite_sequence` entry.
    private(set) var lastEventID: Int64 = 0
    /// The last outbox id committed.
    private(set) var lastOutboxID: Int64 = 0

    init(path: String, queuesUplink: Bool) throws(SQLiteError) {
        connection = try SQLiteConnection(path: path, create: true)
        self.path = path
        self.queuesUplink = queuesUplink
        try connection.execute("PRAGMA locking_mode = EXCLUSIVE; PRAGMA page_size = 1024", doing: "setting up")
        let mode = try connection.text("PRAGMA journal_mode = WAL", doing: "setting up WAL")
        guard mode == "wal" else {
            throw SQLiteError(code: SQLITE_ERROR, path: path, doing: "setting up WAL", message: "journal mode is \(mode ?? "unknown")")
        }
        try connection.execute("PRAGMA synchronous = FULL; PRAGMA journal_size_limit = 1048576", doing: "setting up")
        try Self.migrate(connection)
        insertEvent = try connection.prepare(
            "INSERT INTO events(utc_ms, boot_ms, name, fields) VALUES (?, ?, ?, ?)", doing: "storing an event"
        )
        insertAir = try connection.prepare(
            "INSERT INTO air_minutes(utc_ms, pm1, pm2_5, pm10, grade, cai, aqi) VALUES (?, ?, ?, ?, ?, ?, ?)", doing: "storing an air minute"
        )
        insertOutbox = try connection.prepare("INSERT INTO outbox(kind, payload) VALUES (?, ?)", doing: "queueing an uplink message")
        deleteOutbox = try connection.prepare("DELETE FROM outbox WHERE id = ?", doing: "removing an acknowledged uplink message")
        lastEventID = try Self.lastID(of: "events", in: connection)
        lastOutboxID = try Self.lastID(of: "outbox", in: connection)
    }

    /// The last id `table` handed out: the largest of its `sqlite_sequence` entry and its largest id.
    static func lastID(of table: String, in connection: SQLiteConnection) throws(SQLiteError) -> Int64 {
        let sequence = try connection.integer("SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = '\(table)'", doing: "reading ids")
        let largest = try connection.integer("SELECT coalesce(max(id), 0) FROM \(table)", doing: "reading ids")
        return max(sequence, largest)
    }

    /// Makes new ids continue above `events` and `outbox` (ids that may have been handed out before:
    /// a guard's reservation, a damaged store's last ids), so no id ever names two rows.
    func continueIDs(aboveEvents events: Int64, aboveOutbox outbox: Int64) throws(SQLiteError) {
        guard events > lastEventID || outbox > lastOutboxID else { return }
        let nextEvents = max(events, lastEventID), nextOutbox = max(outbox, lastOutboxID)
        try connection.transaction(doing: "continuing ids") { () throws(SQLiteError) in
            try connection.execute(
                "DELETE FROM sqlite_sequence WHERE name IN ('events', 'outbox'); "
                    + "INSERT INTO sqlite_sequence(name, seq) VALUES ('events', \(nextEvents)), ('outbox', \(nextOutbox))",
                doing: "continuing ids"
            )
        }
        lastEventID = nextEvents
        lastOutboxID = nextOutbox
    }

    /// Copies the WAL's committed pages into the database file, so committed rows do not live for
    /// days only in the log; `truncate` also empties the log (at a clean stop).
    func checkpoint(truncate: Bool) throws(SQLiteError) {
        try connection.execute("PRAGMA wal_checkpoint(\(truncate ? "TRUNCATE" : "PASSIVE"))", doing: "checkpointing the WAL")
    }

    private static func migrate(_ connection: SQLiteConnection) throws(SQLiteError) {
        let version = try connection.integer("PRAGMA user_version", doing: "reading the schema version")
        guard version <= StoreSchema.current else {
            throw SQLiteError(
                code: SQLITE_ERROR, path: connection.path, doing: SQLiteError.refusingNewerSchema,
                message: "schema \(version) was written by a newer poled (this one knows \(StoreSchema.current)); the file is left untouched"
            )
        }
        for index in Int(version)..<StoreSchema.migrations.count {
            try connection.transaction(doing: "migration \(index + 1)") { () throws(SQLiteError) in
                try connection.execute(StoreSchema.migrations[index], doing: "migration \(index + 1)")
                try connection.execute("PRAGMA user_version = \(index + 1)", doing: "migration \(index + 1)")
            }
        }
    }

    /// Writes `batch` in one transaction and returns its events with their new ids.
    @discardableResult
    func write(_ batch: StoreBatch) throws(SQLiteError) -> [EventLog.Entry] {
        guard !batch.isEmpty else { return [] }
        var outboxID = lastOutboxID
        let stored = try connection.transaction(doing: "writing a batch") { () throws(SQLiteError) -> [EventLog.Entry] in
            var stored: [EventLog.Entry] = []
            for var entry in batch.events {
                let fields = JSONValue.object(entry.fields.mapValues(JSONValue.string)).serialized
                try insertEvent.bind(1, entry.utcMs)
                try insertEvent.bind(2, entry.monotonicMs)
                try insertEvent.bind(3, entry.name)
                try insertEvent.bind(4, fields)
                try insertEvent.run()
                entry.id = connection.lastInsertedRowID
                stored.append(entry)
                if queuesUplink { outboxID = try queue(.events, entry.uplinkJSON.serialized) }
            }
            for (utcMs, minute) in batch.airMinutes {
                try insertAir.bind(1, utcMs)
                try insertAir.bind(2, minute.pm1)
                try insertAir.bind(3, minute.pm2_5)
                try insertAir.bind(4, minute.pm10)
                try insertAir.bind(5, minute.grade?.name)
                try insertAir.bind(6, minute.cai.map(Int64.init))
                try insertAir.bind(7, minute.aqi.map(Int64.init))
                try insertAir.run()
                if queuesUplink { outboxID = try queue(.air, AirMinute.uplinkJSON(minute, utcMs: utcMs).serialized) }
            }
            if let counters = batch.lampCounters {
                try connection.execute(
                    "INSERT OR REPLACE INTO lamp_counters(id, switch_ons, burning_ms) VALUES (1, \(counters.switchOns), \(counters.burningMs))",
                    doing: "storing the lamp counters"
                )
            }
            if let faults = batch.latchedFaults {
                try connection.execute("DELETE FROM latched_faults", doing: "storing the latched faults")
                for fault in faults {
                    try connection.execute("INSERT INTO latched_faults(fault) VALUES ('\(fault.name)')", doing: "storing the latched faults")
                }
            }
            for id in batch.acknowledged {
                try deleteOutbox.bind(1, id)
                try deleteOutbox.run()
            }
            return stored
        }
        lastEventID = stored.last?.id ?? lastEventID
        lastOutboxID = outboxID
        return stored
    }

    /// The ids a write of `batch` hands out: its events, and its uplink messages when queued.
    func idsNeeded(for batch: StoreBatch) -> (events: Int64, outbox: Int64) {
        let events = Int64(batch.events.count)
        return (events, queuesUplink ? events + Int64(batch.airMinutes.count) : 0)
    }

    /// Queues an uplink message; returns its outbox id.
    private func queue(_ kind: MessageKind, _ payload: String) throws(SQLiteError) -> Int64 {
        try insertOutbox.bind(1, kind.rawValue)
        try insertOutbox.bind(2, payload)
        try insertOutbox.run()
        return connection.lastInsertedRowID
    }

    /// The latched faults; a name this poled does not know is returned in `unknown`, never dropped
    /// silently.
    public func latchedFaults() throws(SQLiteError) -> (faults: [Fault], unknown: [String]) {
        try Self.latchedFaults(in: connection)
    }

    static func latchedFaults(in connection: SQLiteConnection) throws(SQLiteError) -> (faults: [Fault], unknown: [String]) {
        let statement = try connection.prepare("SELECT fault FROM latched_faults ORDER BY fault", doing: "reading the latched faults")
        var faults: [Fault] = []
        var unknown: [String] = []
        while try statement.step() {
            let name = statement.text(0) ?? ""
            if let fault = Fault(rawValue: name), fault.isLatching { faults.append(fault) } else { unknown.append(name) }
        }
        return (faults, unknown)
    }

    /// The lamp counters, or `nil` when none were stored yet.
    public func lampCounters() throws(SQLiteError) -> LampCounters? {
        let statement = try connection.prepare("SELECT switch_ons, burning_ms FROM lamp_counters WHERE id = 1", doing: "reading the lamp counters")
        guard try statement.step() else { return nil }
        return LampCounters(switchOns: Int(statement.integer(0)), burningMs: statement.integer(1))
    }

    /// The newest `limit` events at or after `sinceUtcMs` (all when `nil`), oldest first.
    public func events(sinceUtcMs: Int64?, limit: Int) throws(SQLiteError) -> [EventLog.Entry] {
        let statement = try connection.prepare(
            "SELECT id, utc_ms, boot_ms, name, fields FROM events WHERE utc_ms >= ? ORDER BY id DESC LIMIT ?", doing: "reading events"
        )
        try statement.bind(1, sinceUtcMs ?? Int64.min)
        try statement.bind(2, Int64(limit))
        var entries: [EventLog.Entry] = []
        while try statement.step() {
            var fields: [String: String] = [:]
            if case .success(.object(let object)) = JSONReader.parse(Array((statement.text(4) ?? "").utf8)) {
                for (key, value) in object { fields[key] = value.string ?? value.serialized }
            }
            entries.append(EventLog.Entry(
                id: statement.integer(0), utcMs: statement.integer(1), monotonicMs: statement.integer(2), name: statement.text(3) ?? "",
                fields: fields
            ))
        }
        return entries.reversed()
    }

    /// Up to `limit` outbox messages with ids above `afterID`, oldest first.
    public func outbox(afterID: Int64, limit: Int) throws(SQLiteError) -> [(id: Int64, kind: MessageKind, payload: String)] {
        let statement = try connection.prepare(
            "SELECT id, kind, payload FROM outbox WHERE id > ? ORDER BY id LIMIT ?", doing: "reading the uplink outbox"
        )
        try statement.bind(1, afterID)
        try statement.bind(2, Int64(limit))
        var rows: [(id: Int64, kind: MessageKind, payload: String)] = []
        while try statement.step() {
            rows.append((statement.integer(0), MessageKind(rawValue: statement.text(1) ?? "") ?? .events, statement.text(2) ?? ""))
        }
        return rows
    }

    /// Deletes what is older than the settings allow, then the oldest rows until the data fits
    /// `maxBytes`: air minutes first, then events, then unsent uplink messages. Age counts only with
    /// a trusted wall clock (`nowUtcMs` not `nil`), and only for rows stamped at or after
    /// `validFromUtcMs`: rows written while the clock was unset (1970) are left to the size limit,
    /// and a clock that jumps ahead is no reason to delete a year of audit trail.
    public func retain(
        nowUtcMs: Int64?, validFromUtcMs: Int64, keepEventsMs: Int64, keepAirMs: Int64, maxBytes: Int64
    ) throws(SQLiteError) -> Retention {
        try connection.transaction(doing: "retention") { () throws(SQLiteError) -> Retention in
            var deleted = Retention()
            if let nowUtcMs {
                deleted.events = try delete("DELETE FROM events WHERE utc_ms < \(nowUtcMs - keepEventsMs) AND utc_ms >= \(validFromUtcMs)")
                deleted.airMinutes = try delete("DELETE FROM air_minutes WHERE utc_ms < \(nowUtcMs - keepAirMs) AND utc_ms >= \(validFromUtcMs)")
            }
            for table in ["air_minutes", "events", "outbox"] {
                while try usedBytes() > maxBytes {
                    let rows = try connection.integer("SELECT count(*) FROM \(table)", doing: "retention")
                    if rows == 0 { break }
                    let removed = try delete(
                        "DELETE FROM \(table) WHERE rowid IN (SELECT rowid FROM \(table) ORDER BY rowid LIMIT \(max(1, rows / 10)))"
                    )
                    switch table {
                    case "air_minutes": deleted.airMinutes += removed
                    case "events": deleted.events += removed
                    default: deleted.outbox += removed
                    }
                }
            }
            return deleted
        }
    }

    private func delete(_ sql: String) throws(SQLiteError) -> Int {
        try connection.execute(sql, doing: "retention")
        return Int(try connection.integer("SELECT changes()", doing: "retention"))
    }

    private func usedBytes() throws(SQLiteError) -> Int64 {
        let pages = try connection.integer("PRAGMA page_count", doing: "measuring the store")
        let free = try connection.integer("PRAGMA freelist_count", doing: "measuring the store")
        let size = try connection.integer("PRAGMA page_size", doing: "measuring the store")
        return (pages - free) * size
    }

    /// Sizes and row counts.
    public func statistics() throws(SQLiteError) -> Statistics {
        var status = stat()
        let fileBytes = stat(path, &status) == 0 ? Int64(status.st_size) : 0
        var walStatus = stat()
        let walBytes = stat(path + "-wal", &walStatus) == 0 ? Int64(walStatus.st_size) : 0
        return Statistics(
            fileBytes: fileBytes + walBytes, usedBytes: try usedBytes(),
            events: try connection.integer("SELECT count(*) FROM events", doing: "counting events"),
            airMinutes: try connection.integer("SELECT count(*) FROM air_minutes", doing: "counting air minutes"),
            outbox: try connection.integer("SELECT count(*) FROM outbox", doing: "counting uplink messages")
        )
    }

    static func makeParentDirectory(of path: String) throws(SQLiteError) {
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        guard !directory.isEmpty else { return }
        do {
            try LatchedFaultFile.makeDirectory(directory)
        } catch {
            throw SQLiteError(code: SQLITE_CANTOPEN, path: path, doing: "creating its directory", message: error.message)
        }
    }
}

extension EventLog.Entry {
    /// The entry as the uplink's `events` topic carries it: its store id, times and fields.
    var uplinkJSON: JSONValue {
        var object: [String: JSONValue] = [
            "id": id.map { .integer($0) } ?? .null, "utc_ms": .integer(utcMs), "t_ms": .integer(monotonicMs), "name": .string(name),
        ]
        object["fields"] = .object(fields.mapValues(JSONValue.string))
        return .object(object)
    }
}

extension AirMinute {
    /// A minute as the uplink's `air` topic carries it; its UTC time (when the minute closed)
    /// identifies it. `nowcast` is the hourly NowCast and its AQI, apart from the minute's own values.
    static func uplinkJSON(_ minute: AirMinute, utcMs: Int64) -> JSONValue {
        func value(_ number: Double?) -> JSONValue { number.map(JSONValue.number) ?? .null }
        func integer(_ number: Int?) -> JSONValue { number.map { .integer($0) } ?? .null }
        return .object([
            "utc_ms": .integer(utcMs), "pm1": value(minute.pm1), "pm2_5": value(minute.pm2_5), "pm10": value(minute.pm10),
            "grade": minute.grade.map { .string($0.name) } ?? .null, "cai": integer(minute.cai), "aqi": integer(minute.aqi),
            "nowcast": minute.nowCast.map { .object(["pm2_5": value($0.pm2_5), "pm10": value($0.pm10), "aqi": integer($0.aqi)]) } ?? .null,
        ])
    }
}
