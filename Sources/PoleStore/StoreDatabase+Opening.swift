import CSQLite
import Glibc
import PoleCore

extension StoreDatabase {
    /// What opening the store found and did.
    struct Opening {
        let store: StoreDatabase
        /// Why the file was replaced (its integrity check's verdict, or rows that cannot be read).
        var damage: String?
        /// The name the damaged file was kept under.
        var keptAs: String?
        /// What was carried over from the damaged file.
        var salvage: Salvage?
        /// What the WAL looked like before SQLite replayed it.
        var wal: WALCheck.Finding = .sound
    }

    /// What could still be read from a damaged store, carried into its replacement row by row.
    struct Salvage: Sendable, Hashable {
        /// The latched faults, or `nil` when they could not be read (or named faults this poled does
        /// not know): the replacement then holds `state-lost`.
        var latched: [Fault]?
        /// Rows copied, per table.
        var copied: [String: Int] = [:]
        /// Event ids that could not be read, between the events read around them.
        var unreadableEventIDs: [ClosedRange<Int64>] = []
        /// Rows of the other tables that could not be read (air minutes, lamp counters, uplink
        /// messages), counted by the rowids between the rows read around them.
        var unreadableRows: [String: Int64] = [:]
        /// The last event and outbox ids the damaged store handed out, `nil` where they cannot be read.
        var lastEventID: Int64?
        var lastOutboxID: Int64?
    }

    /// The store's tables and the columns salvage copies, in schema order.
    static let salvagedTables: [(table: String, columns: [String])] = [
        ("events", ["id", "utc_ms", "boot_ms", "name", "fields"]),
        ("air_minutes", ["utc_ms", "pm1", "pm2_5", "pm10", "grade", "cai", "aqi"]),
        ("lamp_counters", ["id", "switch_ons", "burning_ms"]),
        ("outbox", ["id", "kind", "payload"]),
    ]

    /// Opens the store at `path`, creating it and its folder when missing. An existing file is
    /// checked first: its WAL read as SQLite would replay it (`WALCheck`), `PRAGMA integrity_check`,
    /// and every row of every table read. A file that fails, or is not a database, is replaced by
    /// one holding every row that can still be read (`Salvage`) and kept as
    /// `path.corrupt-<utc ms>` with its WAL. A store written by a newer poled is refused, never
    /// rewritten.
    static func open(path: String, queuesUplink: Bool, utcMs: Int64) throws(SQLiteError) -> Opening {
        try makeParentDirectory(of: path)
        var wal = WALCheck.Finding.sound
        var damage: String?
        var salvage: Salvage?
        var keptAs: String?
        if access(path, F_OK) == 0 {
            if let bytes = try? ByteFile.readAll(path: path + "-wal", limit: 64 << 20) { wal = WALCheck.inspect(bytes) }
            do {
                let existing = try SQLiteConnection(path: path, create: false)
                existing.keepWALOnClose()
                try existing.execute("PRAGMA locking_mode = EXCLUSIVE; PRAGMA cell_size_check = ON", doing: "integrity check")
                try refuseNewerSchema(existing)
                let verdict = try existing.text("PRAGMA integrity_check(20)", doing: "integrity check") ?? "no answer"
                damage = verdict == "ok" ? unreadableRows(in: existing) : verdict
                if damage != nil { salvage = try salvageRows(from: existing, into: path + ".new") }
            } catch let error where error.isCorruption {
                damage = error.message
                salvage = try salvageRows(from: nil, into: path + ".new")
            }
            if damage != nil { keptAs = try replaceDamaged(path, utcMs: utcMs) }
        }
        let store = try StoreDatabase(path: path, queuesUplink: queuesUplink)
        return Opening(store: store, damage: damage, keptAs: keptAs, salvage: salvage, wal: wal)
    }

    /// The latched faults and last ids of a store that cannot be opened for writing (a file system
    /// gone read-only), read from a copy in the temporary folder: SQLite cannot replay a WAL it may
    /// not write beside, and the latest latched set may live only there. `nil` when even that fails.
    static func readOnly(path: String) -> (latched: [Fault], unknown: [String], lastEventID: Int64, lastOutboxID: Int64)? {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/poled-readonly-XXXXXX".utf8CString)
        guard let folder = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({ String(cString: $0) }) else {
            return nil
        }
        let copy = folder + "/store.sqlite"
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(copy + suffix) }
            rmdir(folder)
        }
        guard copyFile(path, to: copy), access(path + "-wal", F_OK) != 0 || copyFile(path + "-wal", to: copy + "-wal") else { return nil }
        do {
            let connection = try SQLiteConnection(path: copy, create: false)
            try connection.execute("PRAGMA locking_mode = EXCLUSIVE", doing: "reading a copy of a read-only store")
            let read = try latchedFaults(in: connection)
            return (read.faults, read.unknown, try lastID(of: "events", in: connection), try lastID(of: "outbox", in: connection))
        } catch {
            return nil
        }
    }

    /// Copies `source` to `destination` (created 0600); `false` when any step fails.
    private static func copyFile(_ source: String, to destination: String) -> Bool {
        let input = Glibc.open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return false }
        defer { close(input) }
        let output = Glibc.open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard output >= 0 else { return false }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return false }
            if count == 0 { return true }
            var written = 0
            while written < count {
                let step = buffer.withUnsafeBytes { Glibc.write(output, $0.baseAddress! + written, count - written) }
                if step < 0, errno == EINTR { continue }
                guard step > 0 else { return false }
                written += step
            }
        }
    }

    private static func refuseNewerSchema(_ connection: SQLiteConnection) throws(SQLiteError) {
        let version = try connection.integer("PRAGMA user_version", doing: "reading the schema version")
        guard version <= StoreSchema.current else {
            throw SQLiteError(
                code: SQLITE_ERROR, path: connection.path, doing: SQLiteError.refusingNewerSchema,
                message: "schema \(version) was written by a newer poled (this one knows \(StoreSchema.current)); the file is left untouched"
            )
        }
    }

    /// Reads every row of every table; says which cannot be read, or `nil` when all can. The
    /// integrity check walks the b-trees, but a record whose bytes were overwritten can still pass it.
    private static func unreadableRows(in connection: SQLiteConnection) -> String? {
        var problems: [String] = []
        for (table, columns) in salvagedTables {
            do {
                let scan = try TableScan(connection, table: table, columns: columns) { (_: Int64, _: [SQLiteValue]) throws(SQLiteError) in }
                if let stopped = scan.stopped { problems.append("\(table): \(stopped)") }
                if !scan.unreadable.isEmpty { problems.append("\(table): rows unreadable after \(scan.rows) read") }
            } catch {
                problems.append("\(table): \(error.message)")
            }
        }
        do {
            let statement = try connection.prepare("SELECT fault FROM latched_faults", doing: "reading the latched faults")
            while try statement.step() {}
        } catch {
            problems.append("latched_faults: \(error.message)")
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// Builds the replacement at `fresh` from every row of `damaged` that can be read (none when the
    /// file cannot be opened at all), with its latched faults or `state-lost`, synced; its ids are
    /// the keeper's to continue. Returns what was salvaged.
    private static func salvageRows(from damaged: SQLiteConnection?, into fresh: String) throws(SQLiteError) -> Salvage {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(fresh + suffix) }
        var salvage = Salvage()
        let replacement = try StoreDatabase(path: fresh, queuesUplink: false)
        if let damaged {
            salvage.latched = salvageLatched(from: damaged)
            try replacement.connection.transaction(doing: "salvaging rows") { () throws(SQLiteError) in
                for (table, columns) in salvagedTables {
                    try copy(table, columns: columns, from: damaged, into: replacement, salvage: &salvage)
                }
            }
            salvage.lastEventID = lastReadableID("events", in: damaged, salvage: salvage)
            salvage.lastOutboxID = lastReadableID("outbox", in: damaged, salvage: salvage)
        }
        var latched = StoreBatch()
        latched.latchedFaults = salvage.latched ?? [.stateLost]
        try replacement.write(latched)
        return salvage
    }

    private static func copy(
        _ table: String, columns: [String], from damaged: SQLiteConnection, into replacement: StoreDatabase, salvage: inout Salvage
    ) throws(SQLiteError) {
        let insert = try replacement.connection.prepare(
            "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
            doing: "salvaging \(table)"
        )
        let scan = try TableScan(damaged, table: table, columns: columns) { (_: Int64, values: [SQLiteValue]) throws(SQLiteError) in
            for (index, value) in values.enumerated() { try insert.bind(Int32(index + 1), value) }
            try insert.run()
        }
        salvage.copied[table] = scan.rows
        var gaps = scan.unreadable.compactMap { $0.upperBound >= 1 ? max($0.lowerBound, 1)...$0.upperBound : nil }
        if scan.stopped != nil, scan.rows == 0 { gaps = [1...Int64.max] }
        if table == "events" {
            salvage.unreadableEventIDs = gaps
        } else if !gaps.isEmpty {
            salvage.unreadableRows[table] = gaps.reduce(0) { total, gap in
                total &+ (gap.upperBound == Int64.max ? 0 : gap.upperBound - gap.lowerBound + 1)
            }
        }
    }

    /// The last id a damaged table handed out: its `sqlite_sequence` entry or its largest readable id,
    /// whichever is larger; `nil` when neither can be read or rows past the last readable one are lost.
    private static func lastReadableID(_ table: String, in damaged: SQLiteConnection, salvage: Salvage) -> Int64? {
        let sequence = try? damaged.integer("SELECT max(seq) FROM sqlite_sequence WHERE name = '\(table)'", doing: "salvaging ids")
        let tailLost = table == "events" && salvage.unreadableEventIDs.last?.upperBound == Int64.max
        let largest = tailLost ? nil : try? damaged.integer("SELECT max(id) FROM \(table)", doing: "salvaging ids")
        guard sequence != nil || largest != nil else { return nil }
        return max(sequence ?? 0, largest ?? 0)
    }

    /// The latched faults of a damaged store, or `nil` when they cannot all be read or name a fault
    /// this poled does not know.
    private static func salvageLatched(from damaged: SQLiteConnection) -> [Fault]? {
        var latched: [Fault] = []
        do {
            let statement = try damaged.prepare("SELECT fault FROM latched_faults", doing: "salvaging the latched faults")
            while try statement.step() {
                guard let fault = statement.text(0).flatMap(Fault.init(rawValue:)), fault.isLatching else { return nil }
                latched.append(fault)
            }
        } catch {
            return nil
        }
        return latched
    }

    /// Keeps the damaged file under a new name (a hard link, so the file is never missing) with its
    /// WAL, then renames the complete replacement over it and syncs the folder: a power cut at any
    /// point leaves the damaged file (checked again at the next start) or the replacement, never an
    /// empty store that forgot a latched fault. Returns the name the damaged file is kept under.
    private static func replaceDamaged(_ path: String, utcMs: Int64) throws(SQLiteError) -> String {
        let fresh = path + ".new"
        let aside = "\(path).corrupt-\(utcMs)"
        func fail(_ doing: String) -> SQLiteError {
            SQLiteError(code: SQLITE_CANTOPEN, path: path, doing: doing, message: String(cString: strerror(errno)))
        }
        guard link(path, aside) == 0 || (errno == EEXIST && unlink(aside) == 0 && link(path, aside) == 0) else {
            throw fail("keeping the damaged store as \(aside)")
        }
        for suffix in ["-wal", "-shm", "-journal"] where access(path + suffix, F_OK) == 0 {
            guard rename(path + suffix, aside + suffix) == 0 else { throw fail("keeping the damaged store's \(suffix) as \(aside)\(suffix)") }
        }
        guard rename(fresh, path) == 0 else { throw fail("putting the replacement store in place") }
        do {
            try syncFolder(of: path)
        } catch {
            throw SQLiteError(code: SQLITE_IOERR, path: path, doing: "syncing its folder", message: error.message)
        }
        return aside
    }
}
