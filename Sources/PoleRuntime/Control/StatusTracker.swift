import PoleCore

/// Folds the loop's events into what `status` shows beyond the outputs: the standing faults, the
/// night decision, the last minute of air and the alert level.
///
/// Exists so the runtime learns these from the same events the trace and the log see, rather than
/// by reaching into the core's state.
struct StatusTracker {
    private(set) var active: Set<Fault>
    private(set) var night: Bool?
    private(set) var airMinute: AirMinute?
    private(set) var alert = AlertLevel.none

    init(latched: [Fault]) {
        active = Set(latched)
    }

    mutating func observe(_ events: [Event]) {
        for event in events {
            switch event {
            case .faultRaised(let fault): active.insert(fault)
            case .faultCleared(let fault, _, _): active.remove(fault)
            case .night(let value): night = value
            case .airMinute(let minute): airMinute = minute
            case .alert(let level): alert = level
            default: break
            }
        }
    }
}
