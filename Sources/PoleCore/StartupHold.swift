/// docs/safety.md, invariant 6: after start-up or a cleared fault the floor stays dark for the hold
/// time and until the head has shown one valid indication (one lamp lit).
struct StartupHold: Sendable {
    var holdMs: Int64
    private var startMs: Int64?
    private var headSeenValid = false

    init(holdMs: Int64) {
        self.holdMs = holdMs
    }

    /// Feeds whether the head shows exactly one lamp; returns whether the hold is still on.
    mutating func update(headValid: Bool, nowMs: Int64) -> Bool {
        let start = startMs ?? nowMs
        startMs = start
        if headValid { headSeenValid = true }
        return nowMs - start < holdMs || !headSeenValid
    }

    /// Starts the hold again from the next tick, as after a cleared fault.
    mutating func restart() {
        startMs = nil
        headSeenValid = false
    }
}
