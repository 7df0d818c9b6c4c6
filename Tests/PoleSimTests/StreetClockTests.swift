import PoleCore
import PoleHAL
import PoleSim
import Testing

@Suite struct StreetClockTests {
    static let start: Int64 = 1_795_597_200

    static func scenario(_ steps: [(Int64, StreetAction)], durationMs: Int64 = 600_000, start: Int64 = start) -> Scenario {
        Scenario(
            startUTCSeconds: start, durationMs: durationMs, seed: 0,
            steps: steps.enumerated().map { Scenario.Step(atMs: $1.0, action: $1.1, index: $0) }
        )
    }

    /// A street and the clock that plays `scenario` on it.
    struct Sim {
        let street: Street
        var clock: StreetClock

        init(_ scenario: Scenario) {
            street = Street(startUTCSeconds: scenario.startUTCSeconds)
            clock = StreetClock(street: street, player: ScenarioPlayer(scenario: scenario))
        }

        var utc: UTCInstant { clock.now() }
        var monotonic: MonotonicInstant { clock.now() }
    }

    static func ms(_ milliseconds: UInt64) -> MonotonicInstant {
        MonotonicInstant(nanoseconds: milliseconds * 1_000_000)
    }

    @Test func playDueStepsAppliesStepsAtZeroOnly() {
        var sim = Sim(Self.scenario([(0, .head(.red)), (0, .motion(true)), (1, .head(.green))]))
        #expect(sim.street.head == .dark)
        sim.clock.playDueSteps()
        #expect(sim.street.head == .red)
        #expect(sim.street.motion)
        #expect(sim.street.nowMs == 0)
    }

    @Test func sleepPlaysStepsUpToAndIncludingTheDeadline() {
        var sim = Sim(Self.scenario([
            (0, .head(.red)), (10_000, .head(.green)), (10_001, .motion(true)), (20_000, .head(.red)),
        ]))
        sim.clock.playDueSteps()
        sim.clock.sleep(until: Self.ms(9_999))
        #expect(sim.street.head == .red)
        #expect(sim.street.nowMs == 9_999)
        sim.clock.sleep(until: Self.ms(10_000))
        #expect(sim.street.head == .green)
        #expect(!sim.street.motion)
        #expect(sim.street.nowMs == 10_000)
        sim.clock.sleep(until: Self.ms(30_000))
        #expect(sim.street.motion)
        #expect(sim.street.head == .red)
        #expect(sim.street.nowMs == 30_000)
    }

    @Test func stepsAreAppliedAtTheirOwnTimeNotTheDeadline() {
        // Flashing starts at 20 s: at 20.6 s it is in the dark half of its first period. Had the step
        // been applied at the deadline it would be lit.
        var sim = Sim(Self.scenario([(20_000, .head(.flashingGreen(periodMs: 1_000)))]))
        sim.clock.sleep(until: Self.ms(20_600))
        #expect(sim.street.head == .flashingGreen(periodMs: 1_000))
        #expect(!sim.street.headGreenLit)
        sim.clock.sleep(until: Self.ms(21_100))
        #expect(sim.street.headGreenLit)
    }

    @Test func sameTimeStepsApplyInFileOrder() {
        var sim = Sim(Self.scenario([(5_000, .head(.green)), (5_000, .head(.red))]))
        sim.clock.sleep(until: Self.ms(6_000))
        #expect(sim.street.head == .red)
    }

    @Test func nowFollowsTheStreet() {
        var sim = Sim(Self.scenario([]))
        sim.clock.sleep(until: Self.ms(1_500))
        #expect(sim.monotonic.nanoseconds == 1_500_000_000)
        #expect(sim.utc == UTCInstant(seconds: Self.start + 1, nanoseconds: 500_000_000))
        #expect(sim.street.nowMs == 1_500)
    }

    @Test func sleepToThePastOrPresentDoesNothing() {
        var sim = Sim(Self.scenario([(0, .head(.red))]))
        sim.clock.sleep(until: Self.ms(100))
        sim.clock.sleep(until: Self.ms(50))
        sim.clock.sleep(until: Self.ms(100))
        #expect(sim.street.nowMs == 100)
        #expect(sim.street.head == .red)
    }

    @Test func subMillisecondDeadlinesTruncate() {
        var sim = Sim(Self.scenario([]))
        sim.clock.sleep(until: MonotonicInstant(nanoseconds: 20_999_999))
        #expect(sim.street.nowMs == 20)
    }

    @Test func utcStepResetsTheWallClock() {
        var sim = Sim(Self.scenario([(50_000, .setUTC(seconds: 0))]))
        sim.clock.sleep(until: Self.ms(51_250))
        #expect(sim.utc == UTCInstant(seconds: 1, nanoseconds: 250_000_000))
    }

    @Test func utcBeforeTheEpochFloorsToWholeSeconds() {
        var sim = Sim(Self.scenario([], start: -1))
        sim.clock.sleep(until: Self.ms(500))
        #expect(sim.utc == UTCInstant(seconds: -1, nanoseconds: 500_000_000))
        sim.clock.sleep(until: Self.ms(1_000))
        #expect(sim.utc == UTCInstant(seconds: 0))
    }
}

@Suite struct ScenarioPlayerTests {
    @Test func playsStepsInOrderOnceEach() {
        let scenario = StreetClockTests.scenario([(0, .command(.clearFaults(nil, by: "t", reason: "r"))), (1_000, .command(.clearFaults([.conflict], by: "t", reason: "r")))])
        var player = ScenarioPlayer(scenario: scenario)
        let street = Street(startUTCSeconds: 0)
        player.play(until: 0, on: street)
        player.play(until: 0, on: street)
        #expect(street.takeCommands() == [.clearFaults(nil, by: "t", reason: "r")])
        player.play(until: 2_000, on: street)
        player.play(until: 3_000, on: street)
        #expect(street.takeCommands() == [.clearFaults([.conflict], by: "t", reason: "r")])
        #expect(street.nowMs == 3_000)
    }

    @Test func finishesAtTheDuration() {
        let player = ScenarioPlayer(scenario: StreetClockTests.scenario([], durationMs: 40_000))
        #expect(!player.isFinished(at: 39_999))
        #expect(player.isFinished(at: 40_000))
        #expect(player.isFinished(at: 40_001))
    }
}
