import Glibc
public import PoleCore

/// Why the store could not be opened: the file and the reason. The daemon does not start without
/// its store, so latched faults can never be forgotten by starting without them.
public struct StoreProblem: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// The store a run starts from, with the latched faults and lamp counters it holds.
///
/// Exists to take over from the state files of poled before the store: `latched-faults` and
/// `lamp-counters` beside the database are imported once (faults are merged, never dropped) and
/// renamed `*.imported`, so an upgrade keeps a latched floor dark.
public struct OpenedStore {
    public let store: PoleStore
    public let latched: [Fault]
    public let counters: LampCounters
    /// What the log should say: a damaged file moved aside, state files imported.
    public let notes: [String]

    /// Opens the store at `path` (see `PoleStore.open`) and imports old state files.
    public static func open(path: String, queuesUplink: Bool, utcMs: Int64) throws(StoreProblem) -> OpenedStore {
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        let faultFile = LatchedFaultFile(directory: directory.isEmpty ? "." : directory)
        let counterFile = LampCounterFile(directory: directory.isEmpty ? "." : directory)
        do {
            let (store, opened, _) = try PoleStore.open(path: path, queuesUplink: queuesUplink, utcMs: utcMs)
            var notes = opened
            let stored = try store.latchedFaults()
            guard stored.unknown.isEmpty else {
                throw StoreProblem("\(path): latched faults \(stored.unknown.joined(separator: ", ")) are not faults this poled knows; "
                    + "a newer poled wrote them. Clear them with that version, or run it")
            }
            var latched = stored.faults
            var counters = try store.lampCounters()
            var imported = StoreBatch()
            if access(faultFile.path, F_OK) == 0 {
                let old = try faultFile.load()
                latched = Array(Set(latched + old)).sorted()
                imported.latchedFaults = latched
            }
            if access(counterFile.path, F_OK) == 0, counters == nil {
                counters = try counterFile.load()
                imported.lampCounters = counters
            }
            if !imported.isEmpty || access(counterFile.path, F_OK) == 0 {
                try store.write(imported)
                for file in [faultFile.path, counterFile.path] where access(file, F_OK) == 0 {
                    guard rename(file, file + ".imported") == 0 else {
                        throw StoreProblem("\(file): imported into the store but cannot be renamed \(file).imported: "
                            + String(cString: strerror(errno)) + "; remove it by hand")
                    }
                    notes.append("imported \(file) into the store; renamed it \(file).imported")
                }
            }
            return OpenedStore(store: store, latched: latched, counters: counters ?? LampCounters(), notes: notes)
        } catch let error as SQLiteError {
            throw StoreProblem(error.description)
        } catch let error as StateFileProblem {
            throw StoreProblem(error.description)
        } catch let error as StoreProblem {
            throw error
        } catch {
            throw StoreProblem("\(path): \(error)")
        }
    }
}
