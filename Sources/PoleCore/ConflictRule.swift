/// docs/safety.md, invariant 3: the floor against the head, as a signal monitor counts conflicts.
///
/// A disagreement that starts within the follow allowance after the head or the commanded floor
/// changed, and ends within it, is an edge (the floor catching up with the head) and counts as
/// agreement. Any other disagreement accumulates from its start — a short one that follows no
/// change is a fault flickering, not a floor catching up — and 300 ms cumulative latches. The
/// accumulator resets after 666 ms of agreement (1 500 ms while the head flashes, whose own edges
/// come twice a second).
struct ConflictRule: Sendable {
    var allowanceMs: Int64
    private var runStartMs: Int64?
    private var runMayBeEdge = false
    private var runCounted = false
    private var accumulatedMs: Int64 = 0
    private var agreementSinceMs: Int64?
    private var lastMs: Int64?

    init(allowanceMs: Int64) {
        self.allowanceMs = allowanceMs
    }

    /// Whether the floor shows a colour the head does not. A dark floor never disagrees: dark is safe.
    static func disagrees(floor: FloorSense, headRed: Lamp, headGreen: Lamp) -> Bool {
        (floor.green == .lit && headGreen == .dark) || (floor.red == .lit && headRed == .dark)
    }

    /// Feeds one tick, with when the head or the commanded floor last changed; returns whether the
    /// conflict has reached the latch threshold.
    mutating func update(disagree: Bool, flashing: Bool, lastChangeMs: Int64?, nowMs: Int64) -> Bool {
        let deltaMs = lastMs.map { nowMs - $0 } ?? 0
        lastMs = nowMs
        if disagree {
            if runStartMs == nil {
                runMayBeEdge = lastChangeMs.map { nowMs - $0 <= allowanceMs } ?? false
            }
            let start = runStartMs ?? nowMs
            runStartMs = start
            if !runMayBeEdge || nowMs - start >= allowanceMs {
                accumulatedMs += runCounted ? deltaMs : nowMs - start
                runCounted = true
                agreementSinceMs = nil
                return accumulatedMs >= MonitorTimings.conflictLatchMs
            }
            agreementSinceMs = agreementSinceMs ?? start
        } else {
            runStartMs = nil
            runCounted = false
            agreementSinceMs = agreementSinceMs ?? nowMs
        }
        let resetMs = flashing ? MonitorTimings.agreementResetFlashingMs : MonitorTimings.agreementResetMs
        if let since = agreementSinceMs, nowMs - since >= resetMs {
            accumulatedMs = 0
        }
        return accumulatedMs >= MonitorTimings.conflictLatchMs
    }

    /// Forgets everything, as after a person cleared the fault.
    mutating func reset() {
        self = ConflictRule(allowanceMs: allowanceMs)
    }
}
