/// Whether the wall clock may decide anything astronomical (docs/safety.md, invariant 8).
///
/// Not trusted: before `clockMinValidUTCSeconds`; for a while after it jumps against the monotonic
/// clock by more than the limit (a stale boot time corrected by NTP, a technician's mistake); while
/// the kernel reports it unsynchronised (`Inputs.clockSynchronised == false`); and outside the years
/// the astronomical clock can compute (`SolarClock.supportedUTCSeconds`, about 770 BCE to 4700 CE),
/// as if it had jumped there: any `Int64` the wall clock reads is a clock to judge, never a trap.
struct ClockTrust: Sendable {
    private let minValidUTCSeconds: Int64
    private let maxJumpMs: Int64
    private let distrustAfterJumpMs: Int64
    private var last: (monotonicMs: Int64, utcMs: Int64)?
    private var distrustUntilMs: Int64?

    init(settings: NightSettings) {
        minValidUTCSeconds = settings.clockMinValidUTCSeconds
        maxJumpMs = settings.clockMaxJumpMs
        distrustAfterJumpMs = settings.clockDistrustAfterJumpMs
    }

    /// Feeds this tick's times; returns whether the wall clock can be trusted.
    mutating func update(_ inputs: Inputs) -> Bool {
        guard SolarClock.supportedUTCSeconds.contains(inputs.utcSeconds) else {
            last = nil
            distrustUntilMs = inputs.monotonicMs + distrustAfterJumpMs
            return false
        }
        let utcMs = inputs.utcSeconds * 1_000
        if let last {
            let drift = (utcMs - last.utcMs) - (inputs.monotonicMs - last.monotonicMs)
            if drift > maxJumpMs || drift < -maxJumpMs {
                distrustUntilMs = inputs.monotonicMs + distrustAfterJumpMs
            }
        }
        last = (inputs.monotonicMs, utcMs)
        if let until = distrustUntilMs, inputs.monotonicMs >= until { distrustUntilMs = nil }
        return inputs.utcSeconds >= minValidUTCSeconds && distrustUntilMs == nil && inputs.clockSynchronised != false
    }
}
