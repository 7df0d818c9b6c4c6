/// Why a simulation's store could not be opened or written: the file and the reason.
///
/// A simulation given `--store` exists to write that store, so it stops when it cannot; the daemon
/// runs on without its store instead (`StoreKeeper`).
public struct StoreProblem: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
