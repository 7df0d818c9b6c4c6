/// Maintenance mode and the one output test it may run (`polectl maintenance`, `polectl test`).
///
/// Exists so a technician can work on a live pole without the pole lying to pedestrians: the
/// crosswalk goes dark, tests are bounded in time, and a floor or "cross" test runs only while the
/// head shows the matching indication, ending the moment it does not. Both end by themselves.
public struct Maintenance: Sendable, Hashable {
    /// The test running now.
    public struct RunningTest: Sendable, Hashable {
        public var target: TestTarget
        /// Monotonic ms at which it ends by itself.
        public var untilMs: Int64
    }

    /// Monotonic ms at which maintenance ends by itself, or `nil` when the pole is in service.
    public private(set) var untilMs: Int64?
    /// The output test running now, if any.
    public private(set) var test: RunningTest?

    public init() {}

    /// Whether the pole is in maintenance.
    public var isActive: Bool { untilMs != nil }

    /// What the crosswalk's floor may show: `nil` in service (follow the head), `.dark` in
    /// maintenance, or the colour under test.
    public var floorMode: FloorIndication? {
        guard isActive else { return nil }
        if case .floor(let colour)? = test?.target { return colour }
        return .dark
    }

    /// The security lamp's level while a lamp test runs.
    public var lampTestPercent: Int? {
        test?.target == .lamp ? 100 : nil
    }

    /// Carries out a `maintenance` or `test` command at `nowMs`, given the head as last classified
    /// and whether the monitor lets the floor show anything.
    mutating func apply(
        _ command: Command, nowMs: Int64, head: HeadSignal?, floorPermitted: Bool, events: inout [Event]
    ) -> CommandOutcome {
        switch command {
        case .clearFaults:
            preconditionFailure("clearing faults is the crosswalk monitor's")
        case .maintenance(true, let durationMs, let by, _):
            guard durationMs > 0 else { return .refused("maintenance needs a duration above zero") }
            let wasActive = isActive
            untilMs = nowMs.addingSaturated(durationMs)
            if !wasActive { events.append(.maintenance(active: true, by: by)) }
            let span = DurationText.format(milliseconds: durationMs)
            return .done(wasActive ? "maintenance extended: it ends in \(span)" : "maintenance on: the crosswalk is dark; it ends in \(span)")
        case .maintenance(false, _, let by, _):
            guard isActive else { return .done("maintenance was already off") }
            end(by: by, events: &events)
            return .done("maintenance off: the crosswalk follows the head again after the start-up hold")
        case .test(let target, let durationMs, let by):
            guard let maintenanceEnd = untilMs, nowMs < maintenanceEnd else {
                return .refused("test \(target.name) needs maintenance: run `polectl maintenance on` first")
            }
            guard durationMs > 0 else { return .refused("a test needs a duration above zero") }
            if target == .voice(.greenCross) {
                return .refused("\"cross\" is played only while the floor shows green (invariant 7), and maintenance keeps the floor dark; test the speaker with another message")
            }
            if target.isCrosswalk, head == nil { return .refused("this pole has no crosswalk") }
            switch Self.hold(on: target, head: head, floorPermitted: floorPermitted) {
            case .headIsNot(let required)?:
                return .refused("\(target.name) can be tested only while the head shows \(required.name); it shows \(head?.name ?? "nothing")")
            case .floorHeldDark?:
                return .refused("the monitor holds the floor dark (a latched fault or the start-up hold); \(target.name) waits until it would follow")
            case nil:
                break
            }
            if let running = test { events.append(.testEnded(running.target, reason: "replaced by \(target.name)")) }
            let until = min(nowMs.addingSaturated(durationMs), maintenanceEnd)
            test = RunningTest(target: target, untilMs: until)
            events.append(.testStarted(target, durationMs: until - nowMs, by: by))
            return .done("testing \(target.name) for \(DurationText.format(milliseconds: until - nowMs))")
        }
    }

    /// Ends a test whose time is up or whose head indication is gone, and maintenance whose time
    /// is up. Returns whether maintenance ended.
    mutating func expire(nowMs: Int64, head: HeadSignal?, floorPermitted: Bool, events: inout [Event]) -> Bool {
        if let running = test {
            if nowMs >= running.untilMs {
                test = nil
                events.append(.testEnded(running.target, reason: "its time is up"))
            } else if let hold = Self.hold(on: running.target, head: head, floorPermitted: floorPermitted) {
                test = nil
                switch hold {
                case .headIsNot(let required): events.append(.testEnded(running.target, reason: "the head left \(required.name)"))
                case .floorHeldDark: events.append(.testEnded(running.target, reason: "the monitor holds the floor dark"))
                }
            }
        }
        guard let until = untilMs, nowMs >= until else { return false }
        end(by: nil, events: &events)
        return true
    }

    /// Drives the output under test, other than the floor and the lamp (which their features drive).
    /// A test that needs a head indication the head does not show this tick, or the monitor's leave
    /// to show the floor, drives nothing.
    func override(_ outputs: inout Outputs, head: HeadSignal?, floorPermitted: Bool, floorDimPercent: Int) {
        guard let target = test?.target, Self.hold(on: target, head: head, floorPermitted: floorPermitted) == nil else { return }
        switch target {
        case .floor, .lamp: break
        case .floorDim: outputs.floorLevelPercent = floorDimPercent
        case .beacon:
            outputs.beacon = .on
            outputs.beaconLamp = .on
        case .voice(let message): outputs.voice = message
        case .voiceNightVolume: outputs.voiceNightVolume = .on
        case .spotlight: outputs.spotlightPercent = 100
        case .air(let grade): outputs.air = grade
        case .mist: outputs.mist = .on
        }
    }

    /// Puts the crosswalk's own outputs dark for maintenance: no floor, beacon or voice. The spotlight
    /// keeps lighting the crossing, since people still walk there.
    func darken(_ outputs: inout Outputs) {
        guard isActive else { return }
        outputs.beacon = .off
        outputs.beaconLamp = .off
        outputs.voice = .none
    }

    /// Why `target` may not be driven now, or `nil` when it may: the one statement of the rule that a
    /// test shows only what the signal shows (`TestTarget.requiredHead`) and a floor colour only what
    /// the monitor would let the floor follow. A command is refused, a running test ends and its
    /// output is not driven for the same reason.
    enum TestHold: Equatable {
        case headIsNot(HeadSignal)
        case floorHeldDark
    }

    static func hold(on target: TestTarget, head: HeadSignal?, floorPermitted: Bool) -> TestHold? {
        if let required = target.requiredHead, head != required { return .headIsNot(required) }
        if target.needsFloorPermitted, !floorPermitted { return .floorHeldDark }
        return nil
    }

    private mutating func end(by: String?, events: inout [Event]) {
        if let running = test { events.append(.testEnded(running.target, reason: "maintenance ended")) }
        test = nil
        untilMs = nil
        events.append(.maintenance(active: false, by: by))
    }
}
