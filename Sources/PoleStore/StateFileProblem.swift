/// Why a state file (latched faults, lamp counters) could not be read or written.
public struct StateFileProblem: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): \(message)" }
}
