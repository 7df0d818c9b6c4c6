/// Something that happened in the core this tick, for the trace, the log and the store.
public enum Event: Sendable, Hashable {
    /// The classified head signal changed.
    case head(HeadSignal)
    /// A fault was raised.
    case faultRaised(Fault)
    /// A fault was cleared: by a person (`by` and `reason` set) or by itself (`by` nil).
    case faultCleared(Fault, by: String?, reason: String?)
    /// The head left green for red without flashing green: a signal-timing anomaly, logged, not latched.
    case sequenceSkipped(from: HeadSignal, to: HeadSignal)
    /// The night decision changed.
    case night(Bool)
    /// A sensor turned from healthy to failing, or its error kind changed.
    case sensorError(sensor: String, error: String)
    /// A minute of air quality closed.
    case airMinute(AirMinute)
    /// The fine-dust alert level changed.
    case alert(AlertLevel)
    /// Maintenance began or ended: by a person (`by` set) or by itself when its time was up.
    case maintenance(active: Bool, by: String?)
    /// An output test began, for `durationMs`.
    case testStarted(TestTarget, durationMs: Int64, by: String)
    /// An output test ended; `reason` says why (time up, head left green, maintenance ended).
    case testEnded(TestTarget, reason: String)
    /// A technician command was received: who, what, why and what came of it, accepted or refused.
    case audit(command: String, by: String, reason: String?, outcome: CommandOutcome)
}
