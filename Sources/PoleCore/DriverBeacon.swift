/// The driver warning sign: "pedestrian present".
///
/// On while someone waits on a kerb during green or flashing green (they may step out), or while
/// anyone is on the crossing in any phase (a late walker or a jaywalker), and for the hold time after.
/// The lamp flashes with the set period while the warning is on (steady when the period is 0).
struct DriverBeacon: Sendable {
    var holdMs: Int64
    var flashPeriodMs: Int64
    private var activeUntilMs: Int64?
    private var warningSinceMs: Int64?

    init(settings: CrosswalkSettings) {
        holdMs = settings.beaconHoldMs
        flashPeriodMs = settings.beaconFlashPeriodMs
    }

    /// Returns the warning state and the lamp level for this tick.
    mutating func update(
        signal: HeadSignal, waiting: Bool, onCrossing: Bool, nowMs: Int64
    ) -> (warning: Switch, lamp: Switch) {
        let walkPhase = signal == .green || signal == .flashingGreen
        if onCrossing || (waiting && walkPhase) {
            activeUntilMs = nowMs + holdMs
        }
        guard let until = activeUntilMs, nowMs < until else {
            warningSinceMs = nil
            return (.off, .off)
        }
        let since = warningSinceMs ?? nowMs
        warningSinceMs = since
        guard flashPeriodMs > 0 else { return (.on, .on) }
        return (.on, (nowMs - since) % flashPeriodMs < flashPeriodMs / 2 ? .on : .off)
    }
}
