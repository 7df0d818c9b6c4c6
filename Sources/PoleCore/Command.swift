/// A technician's command, reaching the core as part of `Inputs` so it is recorded and replayed
/// like any other input.
public enum Command: Sendable, Hashable {
    /// Clear latched faults: the listed ones, or all when `faults` is `nil`. `by` names who (a uid or
    /// a scenario), `reason` says why; both go into the `fault.cleared` event.
    case clearFaults(_ faults: [Fault]?, by: String, reason: String)
}
