/// The floor lamps' sense inputs against what was commanded: the hardware path's own faults.
///
/// Each condition must last longer than the follow allowance (lamps and their sense relays take time
/// to switch) before it is a fault:
/// - lamp out: a colour commanded, no current sensed on it, nor on the other colour;
/// - wrong colour (역불): a colour sensed lit that was not commanded — the opposite one, or any
///   colour while dark was commanded;
/// - both lit (쌍불): red and green sensed lit together.
struct FloorSenseRule: Sendable {
    var allowanceMs: Int64
    private var lampOutSinceMs: Int64?
    private var wrongColourSinceMs: Int64?
    private var bothLitSinceMs: Int64?

    init(allowanceMs: Int64) {
        self.allowanceMs = allowanceMs
    }

    /// Feeds one tick; returns the worst fault whose condition has lasted past the allowance.
    mutating func update(commanded: FloorIndication, sensed: FloorSense, nowMs: Int64) -> Fault? {
        let bothLit = sensed.red == .lit && sensed.green == .lit
        let expected = FloorSense(commanded: commanded)
        let wrongColour = !bothLit && ((sensed.red == .lit && expected.red == .dark)
            || (sensed.green == .lit && expected.green == .dark))
        let lampOut = commanded != .dark && sensed.red == .dark && sensed.green == .dark
        bothLitSinceMs = bothLit ? (bothLitSinceMs ?? nowMs) : nil
        wrongColourSinceMs = wrongColour ? (wrongColourSinceMs ?? nowMs) : nil
        lampOutSinceMs = lampOut ? (lampOutSinceMs ?? nowMs) : nil
        if lasted(bothLitSinceMs, nowMs) { return .floorBothLit }
        if lasted(wrongColourSinceMs, nowMs) { return .floorWrongColour }
        if lasted(lampOutSinceMs, nowMs) { return .floorLampOut }
        return nil
    }

    private func lasted(_ since: Int64?, _ nowMs: Int64) -> Bool {
        since.map { nowMs - $0 > allowanceMs } ?? false
    }

    /// Forgets the timers, as after a person cleared the fault.
    mutating func reset() {
        self = FloorSenseRule(allowanceMs: allowanceMs)
    }
}
