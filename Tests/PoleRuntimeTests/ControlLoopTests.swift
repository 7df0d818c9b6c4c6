import PoleConfig
import PoleCore
import PoleHAL
import PoleRuntime
import PoleTesting
import Testing

/// A control loop over fake lines for the roles head_red, head_green, presence_a (inputs) and
/// floor_red, floor_green, lamp_relay, heartbeat (outputs).
private struct Rig {
    let clock = VirtualClock()
    let inputs = FakeInputLines(count: 3)
    let outputs: FakeOutputLines
    var loop: ControlLoop<FakeInputLines, FakeOutputLines>

    init(startupHoldMs: Int64 = 0) {
        outputs = FakeOutputLines(safeLevels: [.low, .low, .low, .high], clock: clock)
        let io = PoleIO(
            inputLines: inputs, outputLines: outputs,
            inputRoles: [.headRed, .headGreen, .presence(zone: "a")],
            outputRoles: [.floorGreen, .floorRed, .heartbeat, .lampRelay],
            presenceZones: ["a"]
        )
        let settings = PoleSettings(crosswalk: CrosswalkSettings(startupHoldMs: startupHoldMs), presenceZones: ["a"])
        loop = ControlLoop(pole: Pole(settings: settings), io: io)
    }

    mutating func tick(_ ms: Int64) throws {
        clock.advance(byNanoseconds: UInt64(ms - clock.now().milliseconds) * 1_000_000)
        try loop.tick(monotonicMs: ms, utcSeconds: 0)
    }
}

@Suite struct ControlLoopTests {
    @Test func inputsReachTheCoreByRole() throws {
        var rig = Rig()
        rig.inputs.levels = [.low, .high, .high]
        try rig.tick(0)
        #expect(rig.loop.lastInputs.headGreen == .lit)
        #expect(rig.loop.lastInputs.headRed == .dark)
        #expect(rig.loop.lastInputs.presence == [true])
    }

    @Test func outputsAreDrivenByRoleAndOnlyWhenChanged() throws {
        var rig = Rig()
        rig.inputs.levels = [.high, .low, .low]
        for ms in stride(from: Int64(0), through: 200, by: 20) { try rig.tick(ms) }
        let last = rig.outputs.current
        #expect(last[0] == .low, "floor green")
        #expect(last[1] == .high, "floor red follows a red head")
        #expect(last[3] == .high, "lamp relay on: lamps fail lit")
        let heartbeats = rig.outputs.writes.dropFirst().map { $0.levels[2] }
        #expect(heartbeats == (0..<heartbeats.count).map { $0 % 2 == 0 ? .high : .low }, "the heartbeat toggles every tick")
    }

    @Test func nothingIsWrittenWhenNoLineChanges() throws {
        let clock = VirtualClock()
        let inputs = FakeInputLines(count: 2)
        let outputs = FakeOutputLines(safeLevels: [.low, .low], clock: clock)
        let io = PoleIO(
            inputLines: inputs, outputLines: outputs, inputRoles: [.headRed, .headGreen],
            outputRoles: [.floorRed, .floorGreen], presenceZones: []
        )
        var loop = ControlLoop(pole: Pole(settings: PoleSettings(crosswalk: CrosswalkSettings())), io: io)
        for ms in stride(from: Int64(0), through: 1_000, by: 20) { try loop.tick(monotonicMs: ms, utcSeconds: 0) }
        #expect(outputs.writes.count == 2, "the request's safe state, then one write of the same dark floor")
    }

    @Test func driveSafeRestoresTheSafeLevels() throws {
        var rig = Rig()
        rig.inputs.levels = [.low, .high, .low]
        for ms in stride(from: Int64(0), through: 200, by: 20) { try rig.tick(ms) }
        #expect(rig.outputs.current[0] == .high)
        try rig.loop.driveSafe()
        #expect(rig.outputs.current == [.low, .low, .low, .high])
        #expect(rig.loop.outputs == .safe)
    }

    @Test func aSampleErrorReachesTheCaller() {
        var rig = Rig()
        rig.inputs.nextError = HALError(.busy, errno: 16, context: "fake")
        #expect(throws: HALError(.busy, errno: 16, context: "fake")) { try rig.tick(0) }
    }

    @Test func percentLevelsBecomeOnOffLines() {
        var outputs = Outputs.safe
        outputs.lampPercent = 30
        #expect(OutputLevel.of(.lampRelay, outputs) == .high)
        #expect(OutputLevel.of(.lampDim, outputs) == .low)
        outputs.lampPercent = 0
        #expect(OutputLevel.of(.lampRelay, outputs) == .low)
        outputs.air = .veryBad
        #expect(OutputLevel.of(.air(.veryBad), outputs) == .high)
        #expect(OutputLevel.of(.air(.bad), outputs) == .low)
    }
}

/// Reaches PoleIO's role-to-level mapping through a one-line fake set.
enum OutputLevel {
    static func of(_ role: Role, _ outputs: Outputs) -> LineLevel {
        let clock = VirtualClock()
        let lines = FakeOutputLines(safeLevels: [.low], clock: clock)
        var io = PoleIO(
            inputLines: FakeInputLines(count: 0), outputLines: lines, inputRoles: [], outputRoles: [role], presenceZones: []
        )
        _ = try? io.apply(outputs, heartbeat: .low)
        return lines.current[0]
    }
}
