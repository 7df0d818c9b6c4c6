/// A technician's command, reaching the core as part of `Inputs` so it is recorded and replayed
/// like any other input. `by` names who (a uid, a scenario) for the audit trail.
public enum Command: Sendable, Hashable {
    /// Clear latched faults: the listed ones, or all when `faults` is `nil`. `by` names who (a uid or
    /// a scenario), `reason` says why; both go into the `fault.cleared` event.
    case clearFaults(_ faults: [Fault]?, by: String, reason: String)
    /// Put the crosswalk into maintenance (dark, tests allowed) for `durationMs`, or end it.
    case maintenance(on: Bool, durationMs: Int64, by: String, reason: String?)
    /// Drive one output for `durationMs`; allowed only in maintenance, and only where the safety
    /// invariants allow it this tick.
    case test(TestTarget, durationMs: Int64, by: String)

    /// Who gave the command.
    public var by: String {
        switch self {
        case .clearFaults(_, let by, _), .maintenance(_, _, let by, _), .test(_, _, let by): by
        }
    }

    /// The command as the audit trail and the control protocol write it, e.g. `faults clear conflict`.
    public var summary: String {
        switch self {
        case .clearFaults(let faults, _, _):
            "faults clear " + (faults.map { $0.map(\.name).joined(separator: " ") } ?? "--all")
        case .maintenance(let on, let durationMs, _, _):
            on ? "maintenance on --for \(DurationText.format(milliseconds: durationMs))" : "maintenance off"
        case .test(let target, let durationMs, _):
            "test \(target.name) --for \(DurationText.format(milliseconds: durationMs))"
        }
    }

    /// The reason given, where the command carries one.
    public var reason: String? {
        switch self {
        case .clearFaults(_, _, let reason): reason
        case .maintenance(_, _, _, let reason): reason
        case .test: nil
        }
    }
}
