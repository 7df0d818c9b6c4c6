import Glibc
import PoleCore

/// One attempt to open the store, with everything found on the way: the store itself when it can
/// be used, else why not and what its latched set reads as; damage repaired; the WAL's state.
///
/// Exists so the first opening at start and the retries of a store that could not be opened go
/// the same way, and so what was found reaches the log as values (`notes`).
struct StoreOpening {
    var store: StoreDatabase?
    /// Why the store cannot be used, while `store` is `nil`.
    var problem: String?
    /// The store was written by a newer poled: left untouched, never tried again.
    var refused = false
    /// What the store's latched set reads as (empty when there is no store file at all).
    var storeCopy = StoreKeeper.Copy.holds([])
    var counters: LampCounters?
    /// Why the file was replaced, when it was.
    var damage: String?
    var salvage: StoreDatabase.Salvage?
    var wal = WALCheck.Finding.sound
    /// The marks of the guard read at start, for telling which rows are missing.
    var guardMarks: (events: StoreGuard.Mark, outbox: StoreGuard.Mark)?
    /// Ids the store handed out as read from a file that could only be read (not opened for writing).
    var readOnlyLastIDs: (events: Int64, outbox: Int64)?
    var notes: [StoreNote] = []

    /// Opens the store at `path` (see `StoreDatabase.open`); never throws: a store that cannot be used
    /// is a `problem`, and its latched set is read without writing when the file allows it.
    static func attempt(path: String, queuesUplink: Bool, utcMs: Int64) -> StoreOpening {
        var result = StoreOpening()
        do {
            let opening = try StoreDatabase.open(path: path, queuesUplink: queuesUplink, utcMs: utcMs)
            result.store = opening.store
            result.damage = opening.damage
            result.salvage = opening.salvage
            result.wal = opening.wal
            result.noteDamage(opening, path: path)
            let stored = try opening.store.latchedFaults()
            if stored.unknown.isEmpty {
                result.storeCopy = .holds(stored.faults)
            } else {
                result.storeCopy = .unreadable
                result.notes.append(StoreNote(.error, "\(path): latched faults \(stored.unknown.joined(separator: ", ")) are not faults "
                    + "this poled knows (damage, or a newer poled): state-lost is latched until a person clears it"))
            }
            result.counters = try opening.store.lampCounters()
        } catch {
            result.store = nil
            result.problem = error.description
            result.refused = error.isNewerSchema
            result.readFromUnusable(path: path)
        }
        return result
    }

    /// What can be learnt from a store file that cannot be opened for writing.
    private mutating func readFromUnusable(path: String) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            storeCopy = .holds([])
            return
        }
        if !refused, let read = StoreDatabase.readOnly(path: path) {
            storeCopy = read.unknown.isEmpty ? .holds(read.latched) : .unreadable
            readOnlyLastIDs = (read.lastEventID, read.lastOutboxID)
        } else {
            storeCopy = .unreadable
        }
    }

    private mutating func noteDamage(_ opening: StoreDatabase.Opening, path: String) {
        switch opening.wal {
        case .sound: break
        case .damaged(let frame, let lostFrames, let lostCommits):
            notes.append(StoreNote(.error, "\(path)-wal is damaged at frame \(frame): \(lostFrames) later frames "
                + "(\(lostCommits) commits) could not be replayed and are lost"))
        case .unreadableHeader(let bytes):
            notes.append(StoreNote(.error, "\(path)-wal (\(bytes) bytes) has a damaged header: nothing in it could be replayed"))
        }
        guard let damage = opening.damage, let kept = opening.keptAs else { return }
        var text = "the store failed its checks (\(damage)); kept as \(kept) and replaced by a store holding every row that could be read"
        if let salvage = opening.salvage {
            let copied = StoreDatabase.salvagedTables.map { "\(salvage.copied[$0.table] ?? 0) \($0.table)" }.joined(separator: ", ")
            text += " (\(copied))"
            if salvage.latched == nil { text += "; its latched faults could not be read: state-lost is latched until a person clears it" }
        }
        notes.append(StoreNote(.error, text))
    }
}

/// Rows the store should hold but does not: ids below the guard's mark that are missing, rows a
/// damaged file could not give back.
///
/// Exists so loss is never silent: it becomes one `store.rows-lost` event (stored, sent, shown by
/// `polectl events`) with the count and id range, and an error in the log.
struct LostRows {
    /// Event ids known to have been stored and now missing.
    var eventIDs: [ClosedRange<Int64>] = []
    /// Rows of the other tables that could not be read.
    var otherRows: [String: Int64] = [:]
    /// After a damaged WAL, ids above the last known one up to this may have been lost too.
    var possiblyUpToID: Int64?
    var causes: [String] = []

    /// Measured on `store` as opened, before its ids are continued.
    init(store: StoreDatabase, marks: (events: StoreGuard.Mark, outbox: StoreGuard.Mark)?, opening: StoreOpening) {
        let stored = store.lastEventID
        let known = marks?.events.last ?? stored
        var ranges = (opening.salvage?.unreadableEventIDs ?? []).compactMap { range -> ClosedRange<Int64>? in
            let upper = min(range.upperBound, known)
            return range.lowerBound <= upper ? range.lowerBound...upper : nil
        }
        if !ranges.isEmpty { causes.append("rows unreadable in the damaged file") }
        if let marks, stored < marks.events.last {
            ranges.append((stored + 1)...marks.events.last)
            causes.append("event ids up to \(marks.events.last) were stored, the store ends at \(stored)")
        }
        eventIDs = Self.merged(ranges)
        otherRows = (opening.salvage?.unreadableRows ?? [:]).filter { $0.value > 0 }
        if case .damaged = opening.wal, let marks, marks.events.reserved > max(stored, known) {
            possiblyUpToID = marks.events.reserved
            causes.append("the WAL was damaged")
        }
    }

    /// The lost ids as `52,57` or `118-121`.
    var idList: String {
        eventIDs.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",")
    }

    var eventCount: Int64 { eventIDs.reduce(0) { $0 + $1.upperBound - $1.lowerBound + 1 } }

    var isEmpty: Bool { eventIDs.isEmpty && otherRows.isEmpty && possiblyUpToID == nil }

    /// The log's line, or `nil` when nothing was lost.
    var summary: String? {
        guard !isEmpty else { return nil }
        var parts: [String] = []
        if !eventIDs.isEmpty { parts.append("\(eventCount) events lost (ids \(idList))") }
        for (table, count) in otherRows.sorted(by: { $0.key < $1.key }) { parts.append("\(count) \(table) rows lost") }
        if let possibly = possiblyUpToID { parts.append("events up to id \(possibly) may be lost too") }
        return "the store lost rows: " + parts.joined(separator: ", ") + " (" + causes.joined(separator: "; ") + ")"
    }

    /// The `store.rows-lost` event, or `nil` when nothing was lost.
    func entry(utcMs: Int64) -> EventLog.Entry? {
        guard !isEmpty else { return nil }
        var fields = ["events": "\(eventCount)", "cause": causes.joined(separator: "; ")]
        if let first = eventIDs.first, let last = eventIDs.last {
            fields["first_id"] = "\(first.lowerBound)"
            fields["last_id"] = "\(last.upperBound)"
            fields["ids"] = idList
        }
        for (table, count) in otherRows { fields[table] = "\(count)" }
        if let possibly = possiblyUpToID { fields["possibly_up_to_id"] = "\(possibly)" }
        return EventLog.Entry(utcMs: utcMs, monotonicMs: 0, name: "store.rows-lost", fields: fields)
    }

    private static func merged(_ ranges: [ClosedRange<Int64>]) -> [ClosedRange<Int64>] {
        var result: [ClosedRange<Int64>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound &+ 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
