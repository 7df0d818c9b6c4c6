public import PoleCore

/// Checks docs/safety.md's invariants from what the core reports, tick by tick: its events and outputs,
/// read the way a reviewer reads a trace. The street-side checks (invariants 1 and 2 against the lamps
/// really lit and the lines really driven) are `InvariantMonitor`'s; this is the rest.
///
/// - 3–6: the floor shows a colour only outside the start-up hold (after start, after a latched fault
///   is cleared, after an implausible head is valid again, after maintenance), while no fault is
///   latched and the head is not implausible;
/// - 1 as classified: floor green only while the head is green or flashing green, red only while red;
/// - 7: "cross" only with the floor green, only "wait" while flashing, nothing while the head is dark
///   or implausible;
/// - 8: a lit security lamp is never below the night floor.
public struct CoreInvariantChecker: Sendable {
    private let startupHoldMs: Int64
    private let lampFloorPercent: Int?
    private var head = HeadSignal.dark
    private var latched: Set<Fault>
    private var implausible = false
    private var unsaved = false
    private var holdStartMs: Int64 = 0
    /// Violations seen, in order (the first 100).
    public private(set) var violations: [InvariantMonitor.Violation] = []

    public init(startupHoldMs: Int64, lampFloorPercent: Int?, latched: [Fault]) {
        self.startupHoldMs = startupHoldMs
        self.lampFloorPercent = lampFloorPercent
        self.latched = Set(latched)
    }

    /// Checks one tick's events and outputs.
    public mutating func check(atMs now: Int64, events: [Event], outputs: Outputs) {
        var voiceStarted = false
        for event in events {
            switch event {
            case .head(let signal): head = signal
            case .faultRaised(let fault):
                if fault == .headImplausible { implausible = true }
                if fault == .latchedUnsaved { unsaved = true }
                if fault.isLatching { latched.insert(fault) }
            case .faultCleared(let fault, _, _):
                if fault == .headImplausible { implausible = false }
                if fault == .latchedUnsaved { unsaved = false }
                if fault.isLatching || fault == .headImplausible || fault == .latchedUnsaved {
                    latched.remove(fault)
                    holdStartMs = now
                }
            case .maintenance(false, _): holdStartMs = now
            default: break
            }
        }
        if outputs.voice != .none { voiceStarted = true }
        let floor = outputs.floor
        if floor != .dark {
            if now - holdStartMs < startupHoldMs { fail(now, 6, "floor \(floor.name) during the start-up hold (from \(holdStartMs)ms)") }
            if !latched.isEmpty { fail(now, 5, "floor \(floor.name) with \(latched.map(\.name).sorted()) latched") }
            if implausible { fail(now, 4, "floor \(floor.name) while the head is implausible") }
            if unsaved { fail(now, 5, "floor \(floor.name) while the latched faults are unsaved") }
        }
        if floor == .green, head != .green, head != .flashingGreen { fail(now, 1, "floor green while the head is \(head.name)") }
        if floor == .red, head != .red { fail(now, 1, "floor red while the head is \(head.name)") }
        if voiceStarted {
            if outputs.voice == .greenCross, floor != .green { fail(now, 7, "voice green-cross with the floor \(floor.name)") }
            if head == .flashingGreen, outputs.voice != .flashWait { fail(now, 7, "voice \(outputs.voice.name) while flashing") }
            if head == .dark || head == .implausible { fail(now, 7, "voice \(outputs.voice.name) while the head is \(head.name)") }
        }
        if let minimum = lampFloorPercent, outputs.lampPercent > 0, outputs.lampPercent < minimum {
            fail(now, 8, "lamp at \(outputs.lampPercent)%, below the night floor of \(minimum)%")
        }
    }

    private mutating func fail(_ atMs: Int64, _ invariant: Int, _ detail: String) {
        if violations.count < 100 { violations.append(InvariantMonitor.Violation(atMs: atMs, invariant: invariant, detail: detail)) }
    }
}
