import Glibc
public import PoleCore

/// What a run starts from: the keeper of the store and its guard, the latched faults and lamp
/// counters to restore, and what the log must say about how they were found.
public struct StoreStart {
    let keeper: StoreKeeper
    /// The union of every copy that could be read, with `state-lost` when a copy exists but cannot
    /// be read (safety invariant 5 never rests on one file).
    public let latched: [Fault]
    public let counters: LampCounters
    public let notes: [StoreNote]
    /// The `store.rows-lost` event to store first, when rows were found missing.
    let lostRows: EventLog.Entry?

    /// Why the store is not in use, when it is not (the pole runs on without it).
    public var storeProblem: String? { keeper.storeProblem }

    /// Opens the store at `path` and its guard as a run starts (`StoreKeeper.start`); never throws.
    public static func open(path: String, queuesUplink: Bool, utcMs: Int64) -> StoreStart {
        StoreKeeper.start(path: path, queuesUplink: queuesUplink, utcMs: utcMs)
    }
}

extension StoreKeeper {
    /// Opens the store at `path` and its guard, takes in the state files of poled before the store
    /// (`latched-faults`, `lamp-counters`: imported once and renamed `*.imported`), and writes the
    /// union of the latched sets back to both copies. Never throws: a store that cannot be used
    /// leaves the pole running on the guard, its events held in memory until the store opens.
    static func start(path: String, queuesUplink: Bool, utcMs: Int64, idBlock: Int64 = defaultIDBlock) -> StoreStart {
        let guardFile = StoreGuardFile(storePath: path)
        unlink(guardFile.path + ".new")
        var opening = StoreOpening.attempt(path: path, queuesUplink: queuesUplink, utcMs: utcMs)
        var notes: [StoreNote] = []
        var guardCopy = Copy.holds([])
        var marks = (events: StoreGuard.Mark(last: 0, reserved: 0), outbox: StoreGuard.Mark(last: 0, reserved: 0))
        switch guardFile.read() {
        case .absent:
            break
        case .read(let found):
            guardCopy = .holds(found.latched)
            marks = (found.events, found.outbox)
            opening.guardMarks = marks
        case .unreadable(let why):
            guardCopy = .unreadable
            notes.append(StoreNote(.error, "the store's guard is unreadable (\(why)): state-lost is latched until a person clears it"))
        }
        notes += opening.notes
        if opening.store == nil, let problem = opening.problem {
            notes.append(StoreNote(.error, "the store cannot be used (\(problem)); the pole runs on, events are held in memory"
                + (opening.refused ? "" : " and the store is tried again every minute")))
        }
        if opening.refused {
            notes.append(StoreNote(.error, "a store from a newer poled says nothing this poled can trust about latched faults: "
                + "state-lost is latched until a person clears it"))
        }
        let legacy = LegacyStateFiles(storePath: path)
        notes += legacy.notes
        var faults = Set<Fault>()
        for copy in [guardCopy, opening.storeCopy, legacy.latched] {
            switch copy {
            case .holds(let held): faults.formUnion(held)
            case .unreadable: faults.insert(.stateLost)
            }
        }
        let latched = faults.sorted()
        let keeper = StoreKeeper(
            path: path, queuesUplink: queuesUplink, idBlock: idBlock, store: opening.store, storeProblem: opening.problem,
            storeRefused: opening.refused, marks: marks, guardCopy: guardCopy,
            storeCopy: opening.refused ? .unreadable : opening.storeCopy, latched: latched
        )
        var lostRows: EventLog.Entry?
        if let store = opening.store { lostRows = keeper.adopt(store, opening: opening, utcMs: utcMs, notes: &notes) }
        keeper.writeGuard(latched: latched)
        if let problem = keeper.guardProblem { notes.append(StoreNote(.error, "cannot write the store's guard: \(problem)")) }
        var counters = opening.counters
        if let store = opening.store {
            var restored = StoreBatch()
            if opening.storeCopy != .holds(latched) { restored.latchedFaults = latched }
            if counters == nil, let imported = legacy.counters {
                counters = imported
                restored.lampCounters = imported
            }
            do {
                try store.write(restored)
                keeper.storeCopy = .holds(latched)
                notes += legacy.markImported()
            } catch {
                notes.append(StoreNote(.error, "cannot write the restored latched faults into the store: \(error)"))
            }
        }
        return StoreStart(keeper: keeper, latched: latched, counters: counters ?? LampCounters(), notes: notes, lostRows: lostRows)
    }
}

/// The state files of poled before the store, beside it: `latched-faults` and `lamp-counters`.
///
/// Exists so an upgrade keeps a latched floor dark and the lamp's counters: read at every start
/// until the store has taken them in, then renamed `*.imported`. A file that cannot be read is a
/// copy of the latched set that cannot be read: `state-lost`.
struct LegacyStateFiles {
    private let faultFile: LatchedFaultFile
    private let counterFile: LampCounterFile
    /// The latched faults the old file holds (none when there is no file).
    private(set) var latched = StoreKeeper.Copy.holds([])
    private(set) var counters: LampCounters?
    private(set) var notes: [StoreNote] = []

    init(storePath: String) {
        let directory = String(storePath[..<(storePath.lastIndex(of: "/") ?? storePath.startIndex)])
        faultFile = LatchedFaultFile(directory: directory.isEmpty ? "." : directory)
        counterFile = LampCounterFile(directory: directory.isEmpty ? "." : directory)
        if access(faultFile.path, F_OK) == 0 {
            do {
                latched = .holds(try faultFile.load())
            } catch {
                latched = .unreadable
                notes.append(StoreNote(.error, "\(error): state-lost is latched until a person clears it"))
            }
        }
        if access(counterFile.path, F_OK) == 0 {
            do {
                counters = try counterFile.load()
            } catch {
                notes.append(StoreNote(.warning, "\(error): the lamp counters start again from the store's"))
            }
        }
    }

    /// Renames the files the store has taken in; returns what the log should say.
    func markImported() -> [StoreNote] {
        var notes: [StoreNote] = []
        for file in [faultFile.path, counterFile.path] where access(file, F_OK) == 0 {
            if file == faultFile.path, latched == .unreadable { continue }
            if rename(file, file + ".imported") == 0 {
                notes.append(StoreNote(.notice, "imported \(file) into the store; renamed it \(file).imported"))
            } else {
                notes.append(StoreNote(.error, "\(file): imported into the store but cannot be renamed \(file).imported: "
                    + String(cString: strerror(errno)) + "; remove it by hand"))
            }
        }
        return notes
    }
}
