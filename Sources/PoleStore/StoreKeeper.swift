import CSQLite
import Glibc
import PoleCore

/// The pole's record on its card: the SQLite store and its guard file (`StoreGuard`), kept so that
/// no one damaged file loses a latched fault or hands out an id twice, and so that control never
/// depends on either.
///
/// The latched set lives in both: a change that latches a fault writes the guard, then the store;
/// a clear writes the store, then the guard. A crash between the two leaves copies that differ,
/// and the union of the copies that read (what a restart restores) still holds every fault not yet
/// cleared in both. `restorable` is that union now; the loop keeps the floor dark while it differs
/// from the set the core holds. Ids are reserved in the guard a block at a time before the store
/// hands them out. When the store cannot be opened (a read-only card, a path that is a folder) the
/// keeper goes on with the guard alone, tries the store again every `reopenIntervalMs`, and writes
/// nothing else until it can. Not `Sendable`: `StoreService` owns it on its queue, a simulation on
/// its one thread.
final class StoreKeeper {
    /// What a copy of the latched set would give back at a restart.
    enum Copy: Sendable, Hashable {
        case holds([Fault])
        /// The copy exists but cannot be read: a restart latches `state-lost`.
        case unreadable
    }

    /// Ids reserved per guard write by default: a demo day hands out a few hundred event ids, so
    /// the guard is written a few times a day for them.
    static let defaultIDBlock: Int64 = 64
    /// How often a store that could not be opened is tried again.
    static let reopenIntervalMs: Int64 = 60_000
    /// Ids continue above this when a damaged store's own ids cannot be read and no guard says more.
    static let idFloor: Int64 = 1_000_000_000_000

    let path: String
    let queuesUplink: Bool
    let idBlock: Int64
    /// The store, while it can be used.
    private(set) var store: StoreDatabase?
    /// Why the store is not in use, while it is not.
    private(set) var storeProblem: String?
    /// Why the guard could not be written, while its last write failed.
    private(set) var guardProblem: String?
    let guardFile: StoreGuardFile
    var marks: (events: StoreGuard.Mark, outbox: StoreGuard.Mark)
    var guardCopy: Copy
    var storeCopy: Copy
    /// The latched set the core holds, as last handed over.
    private(set) var latched: [Fault]
    /// A store from a newer poled is never opened again by this process.
    let storeRefused: Bool
    private var lastReopenMs: Int64?

    init(
        path: String, queuesUplink: Bool, idBlock: Int64, store: StoreDatabase?, storeProblem: String?, storeRefused: Bool,
        marks: (events: StoreGuard.Mark, outbox: StoreGuard.Mark), guardCopy: Copy, storeCopy: Copy, latched: [Fault]
    ) {
        self.path = path
        self.queuesUplink = queuesUplink
        self.idBlock = idBlock
        self.store = store
        self.storeProblem = storeProblem
        self.storeRefused = storeRefused
        guardFile = StoreGuardFile(storePath: path)
        self.marks = marks
        self.guardCopy = guardCopy
        self.storeCopy = storeCopy
        self.latched = latched
    }

    /// What a restart would restore now: the union of both copies, with `state-lost` for a copy that
    /// cannot be read.
    var restorable: [Fault] {
        var faults = Set<Fault>()
        for copy in [guardCopy, storeCopy] {
            switch copy {
            case .holds(let held): faults.formUnion(held)
            case .unreadable: faults.insert(.stateLost)
            }
        }
        return faults.sorted()
    }

    /// Writes `batch`: its latched set in both copies in the safe order, its events and readings in
    /// the store after reserving their ids in the guard. Throws when the store cannot take it (the
    /// caller keeps the batch and tries again); the guard's part is done even then.
    @discardableResult
    func write(_ batch: StoreBatch) throws(SQLiteError) -> [EventLog.Entry] {
        let changed = batch.latchedFaults
        if let changed { latched = changed }
        let latches = changed.map { !Set($0).isSubset(of: guardHeld) } ?? false
        if latches { writeGuard(latched: latched) }
        guard let store else {
            if changed != nil, !latches, guardHeld != Set(latched) { writeGuard(latched: latched) }
            throw unavailable
        }
        try reserveIDs(for: batch, in: store)
        let stored = try store.write(batch)
        if let changed { storeCopy = .holds(changed) }
        if changed != nil, guardHeld != Set(latched) { writeGuard(latched: latched) }
        return stored
    }

    /// The error a write or read gets while the store is not in use.
    var unavailable: SQLiteError {
        SQLiteError(code: SQLITE_CANTOPEN, path: path, doing: "using the store", message: storeProblem ?? "not open")
    }

    /// Reserves ids for `batch` in the guard when it would hand out ids past the reservation.
    private func reserveIDs(for batch: StoreBatch, in store: StoreDatabase) throws(SQLiteError) {
        let needed = store.idsNeeded(for: batch)
        let eventsShort = store.lastEventID + needed.events > marks.events.reserved
        let outboxShort = store.lastOutboxID + needed.outbox > marks.outbox.reserved
        guard eventsShort || outboxShort else { return }
        var next = marks
        next.events.last = store.lastEventID
        next.outbox.last = store.lastOutboxID
        if eventsShort { next.events.reserved = store.lastEventID + needed.events + idBlock }
        if outboxShort { next.outbox.reserved = store.lastOutboxID + needed.outbox + idBlock }
        do {
            try guardFile.write(StoreGuard(latched: guardLatched, events: next.events, outbox: next.outbox))
            marks = next
            guardProblem = nil
        } catch {
            guardProblem = error.description
            throw SQLiteError(code: SQLITE_IOERR, path: path, doing: "reserving ids in the guard", message: error.description)
        }
    }

    /// Writes the guard with `latched` and the current marks; a failure is kept in `guardProblem`
    /// and the guard keeps what it held.
    func writeGuard(latched: [Fault]) {
        do {
            try guardFile.write(StoreGuard(latched: latched, events: marks.events, outbox: marks.outbox))
            guardCopy = .holds(latched)
            guardProblem = nil
        } catch {
            guardProblem = error.description
        }
    }

    /// The latched set the guard holds, for rewriting it with new marks only.
    private var guardLatched: [Fault] {
        if case .holds(let held) = guardCopy { return held }
        return latched
    }

    private var guardHeld: Set<Fault> {
        if case .holds(let held) = guardCopy { return Set(held) }
        return []
    }

    /// Tries a store that is not in use again, at most once every `reopenIntervalMs`; returns what
    /// the log and the store should hear when it opens (a damaged file replaced, rows lost).
    func reopenIfDue(nowMs: Int64, utcMs: Int64) -> (notes: [StoreNote], lostRows: EventLog.Entry?)? {
        guard store == nil, !storeRefused else { return nil }
        if let last = lastReopenMs, nowMs - last < Self.reopenIntervalMs { return nil }
        lastReopenMs = nowMs
        let opened = StoreOpening.attempt(path: path, queuesUplink: queuesUplink, utcMs: utcMs)
        var notes = opened.notes
        guard let store = opened.store else {
            storeProblem = opened.problem
            return nil
        }
        let lostRows = adopt(store, opening: opened, utcMs: utcMs, notes: &notes)
        var current = StoreBatch()
        current.latchedFaults = latched
        do {
            try store.write(current)
            storeCopy = .holds(latched)
        } catch {
            notes.append(StoreNote(.error, "the store opened but its latched faults could not be written: \(error)"))
        }
        self.store = store
        storeProblem = nil
        notes.append(StoreNote(.notice, "the store is in use again: \(path)"))
        return (notes, lostRows)
    }

    /// Takes `store` into use: ids continue above everything the guard and a damaged file say may
    /// have been handed out, and rows missing below those marks are reported as one event.
    func adopt(_ store: StoreDatabase, opening: StoreOpening, utcMs: Int64, notes: inout [StoreNote]) -> EventLog.Entry? {
        let lost = LostRows(store: store, marks: opening.guardMarks ?? marksIfKnown, opening: opening)
        var aboveEvents = max(marks.events.reserved, opening.salvage?.lastEventID ?? 0)
        var aboveOutbox = max(marks.outbox.reserved, opening.salvage?.lastOutboxID ?? 0)
        if opening.damage != nil, opening.guardMarks == nil, marksIfKnown == nil {
            if opening.salvage?.lastEventID == nil { aboveEvents = max(aboveEvents, utcMs, Self.idFloor) }
            if opening.salvage?.lastOutboxID == nil { aboveOutbox = max(aboveOutbox, utcMs, Self.idFloor) }
        }
        do {
            try store.continueIDs(aboveEvents: aboveEvents, aboveOutbox: aboveOutbox)
        } catch {
            notes.append(StoreNote(.error, "cannot continue the store's ids above \(aboveEvents): \(error)"))
        }
        marks.events = StoreGuard.Mark(last: store.lastEventID, reserved: store.lastEventID)
        marks.outbox = StoreGuard.Mark(last: store.lastOutboxID, reserved: store.lastOutboxID)
        if let summary = lost.summary { notes.append(StoreNote(.error, summary)) }
        return lost.entry(utcMs: utcMs)
    }

    /// The marks, when a guard was read or written in this process.
    var marksIfKnown: (events: StoreGuard.Mark, outbox: StoreGuard.Mark)? {
        marks.events.reserved > 0 || marks.outbox.reserved > 0 ? marks : nil
    }

    /// Deletes old rows (`StoreDatabase.retain`) and checkpoints the WAL, so committed rows do not live
    /// for days only in the log.
    func retain(
        nowUtcMs: Int64?, validFromUtcMs: Int64, keepEventsMs: Int64, keepAirMs: Int64, maxBytes: Int64
    ) throws(SQLiteError) -> StoreDatabase.Retention {
        guard let store else { throw unavailable }
        let deleted = try store.retain(
            nowUtcMs: nowUtcMs, validFromUtcMs: validFromUtcMs, keepEventsMs: keepEventsMs, keepAirMs: keepAirMs, maxBytes: maxBytes
        )
        try store.checkpoint(truncate: false)
        return deleted
    }

    /// The last step of a clean stop: the WAL checkpointed and emptied, and the guard written with
    /// the exact last ids, so the next start continues without a gap and any row missing below them
    /// is known to be lost.
    func close() {
        guard let store else { return }
        try? store.checkpoint(truncate: true)
        let exact = (
            events: StoreGuard.Mark(last: store.lastEventID, reserved: store.lastEventID),
            outbox: StoreGuard.Mark(last: store.lastOutboxID, reserved: store.lastOutboxID)
        )
        do {
            try guardFile.write(StoreGuard(latched: guardLatched, events: exact.events, outbox: exact.outbox))
            marks = exact
        } catch {
            guardProblem = error.description
        }
    }
}
