import PoleCore
import Testing

/// Every value of every `Inputs` field is handled input, never a trap: what the fuzzers and a hostile
/// tester fed the core through recordings, scenarios and a live pole's clock.
@Suite struct HostileInputTests {
    /// 2026-06-21T03:00Z, noon in Seoul: a trusted clock, by day.
    private static let noonUTC: Int64 = 1_782_010_800

    /// A pole with every feature: crosswalk with two zones, security lamp, air quality.
    private static func pole(lampCounters: LampCounters = LampCounters()) -> Pole {
        Pole(
            settings: PoleSettings(crosswalk: CrosswalkSettings(), presenceZones: ["a", "b"], lamp: LampSettings(), airQuality: true),
            lampCounters: lampCounters
        )
    }

    private static func inputs(
        atMs: Int64, utc: Int64, particulates: ParticulateReading? = nil, commands: [Command] = []
    ) -> Inputs {
        Inputs(
            monotonicMs: atMs, utcSeconds: utc, headRed: .lit, headGreen: .dark, presence: [false, true], motion: false,
            particulates: particulates, lampCurrent: true, commands: commands
        )
    }

    /// Year 1, 1970 minus a second, just past the solar clock's last day (about 4707), year 5000,
    /// year 9999 and both ends of `Int64`.
    @Test(arguments: [-62_135_596_800, -1, 86_400_000_001, 95_617_584_000, 253_402_300_799, Int64.min, Int64.max])
    func aWallClockOutsideTheSolarClocksYearsIsUntrustedAndTheLampFailsLit(utc: Int64) {
        var pole = Self.pole()
        var events: [Event] = []
        let outputs = pole.step(Self.inputs(atMs: 0, utc: utc), events: &events)
        #expect(outputs.lampPercent == 100, "fail lit")
        #expect(events.contains(.faultRaised(.clockUntrusted)))
        #expect(pole.isNight == true, "undecided counts as night")
    }

    /// A live pole's clock jumps to the year 5000: the jump rule alone would trust it again after
    /// `clock.distrust_after_jump` (10 minutes) and ask the solar clock about it. It stays untrusted
    /// while it reads beyond the solar clock's years, and is trusted again only after the distrust
    /// time that follows its return.
    @Test func aClockThatJumpsBeyondTheSolarClocksYearsStaysUntrustedUntilItComesBack() {
        var pole = Self.pole()
        var events: [Event] = []
        var outputs = pole.step(Self.inputs(atMs: 0, utc: Self.noonUTC), events: &events)
        #expect(outputs.lampPercent == 0, "a trusted clock at noon")
        let year5000: Int64 = 95_617_584_000
        var raised = 0
        var cleared = 0
        for second in Int64(1)...1_800 {
            events.removeAll(keepingCapacity: true)
            outputs = pole.step(Self.inputs(atMs: second * 1_000, utc: year5000 + second), events: &events)
            raised += events.filter { $0 == .faultRaised(.clockUntrusted) }.count
            cleared += events.filter { $0 == .faultCleared(.clockUntrusted, by: nil, reason: nil) }.count
            #expect(outputs.lampPercent == 100, "fail lit at \(second) s")
        }
        #expect(raised == 1)
        #expect(cleared == 0, "half an hour beyond the solar clock's years is still untrusted")
        for second in Int64(1_801)...2_500 {
            events.removeAll(keepingCapacity: true)
            outputs = pole.step(Self.inputs(atMs: second * 1_000, utc: Self.noonUTC + second), events: &events)
            if events.contains(.faultCleared(.clockUntrusted, by: nil, reason: nil)) {
                #expect(second == 2_400, "trusted again 10 minutes after the clock came back")
                cleared += 1
            }
        }
        #expect(cleared == 1)
        #expect(outputs.lampPercent == 0)
    }

    /// Monotonic time the runtime never produces: the end of `Int64`, then the start, then back to
    /// zero. The core takes it as at most 2⁵³ ms and never backwards; no timer overflows.
    @Test func monotonicTimeAtTheEndsOfInt64IsTakenNotTrapped() {
        var pole = Self.pole()
        var events: [Event] = []
        var floors: [FloorIndication] = []
        for atMs in [Int64(0), 20, .max, .min, 0, .max - 1, 40] {
            events.removeAll(keepingCapacity: true)
            let sample = ParticulateReading.sample(pm1: 5, pm2_5: 9, pm10: 20, atMs: atMs)
            floors.append(pole.step(Self.inputs(atMs: atMs, utc: Self.noonUTC, particulates: sample), events: &events).floor)
        }
        #expect(floors == [.dark, .dark, .red, .red, .red, .red, .red], "the start-up hold ends at 2⁵³ ms, and time then stands")
    }

    /// Samples no sensor can give (±1.8e308 µg/m³, whose sums overflow to infinities of both signs)
    /// are failed readings named `out-of-range`, so a minute's close never meets a NaN; a sample
    /// time at the start of `Int64` is bucketed without overflow.
    @Test func implausibleParticulateSamplesAreFailedReadings() {
        var pole = Self.pole()
        var events: [Event] = []
        var all: [Event] = []
        for tick in Int64(0)..<6_500 {
            let atMs = tick * 20
            let huge = (atMs / 1_000).isMultiple(of: 2) ? Double.greatestFiniteMagnitude : -.greatestFiniteMagnitude
            let sample = ParticulateReading.sample(pm1: huge, pm2_5: huge, pm10: huge, atMs: tick == 3 ? .min : atMs)
            events.removeAll(keepingCapacity: true)
            let outputs = pole.step(Self.inputs(atMs: atMs, utc: Self.noonUTC + atMs / 1_000, particulates: sample), events: &events)
            #expect(outputs.air == .off)
            all += events
        }
        #expect(all.contains(.sensorError(sensor: "pm", error: "out-of-range")))
        #expect(all.contains { if case .airMinute(let minute) = $0 { minute.pm2_5 == nil } else { false } })
        var fresh = Self.pole()
        events.removeAll()
        _ = fresh.step(Self.inputs(atMs: 0, utc: Self.noonUTC, particulates: .sample(pm1: 1, pm2_5: 1, pm10: 1, atMs: .min)), events: &events)
        #expect(!events.contains(.sensorError(sensor: "pm", error: "out-of-range")), "a sample's time is the poller's to judge")
    }

    /// Recorded commands with durations the control protocol never sends: negative (audited and
    /// refused) and the end of `Int64` (maintenance and a test that last as long as time does).
    @Test func commandsWithNegativeOrHugeDurationsAreRefusedOrSaturated() {
        var pole = Self.pole()
        var events: [Event] = []
        let commands: [Command] = [
            .maintenance(on: true, durationMs: -5_000, by: "1000", reason: nil),
            .maintenance(on: true, durationMs: .max, by: "1000", reason: nil),
            .test(.beacon, durationMs: .max, by: "1000"),
            .test(.spotlight, durationMs: .min, by: "1000"),
        ]
        _ = pole.step(Self.inputs(atMs: 1_000, utc: Self.noonUTC, commands: commands), events: &events)
        #expect(pole.outcomes.count == 4)
        #expect(pole.outcomes[0] == .refused("maintenance needs a duration above zero"))
        #expect(pole.maintenance.untilMs == .max)
        #expect(pole.maintenance.test?.untilMs == .max)
        #expect(pole.outcomes[3] == .refused("a test needs a duration above zero"))
        #expect(events.contains { if case .audit(let command, _, _, _) = $0 { command == "maintenance on --for -5s" } else { false } })
    }

    /// Lamp counters restored from a state file or a recording at the end of their range stop there.
    @Test func lampCountersAtTheEndOfTheirRangeSaturate() {
        var pole = Self.pole(lampCounters: LampCounters(switchOns: .max, burningMs: .max - 10))
        var events: [Event] = []
        for atMs in stride(from: Int64(0), through: 1_000, by: 20) {
            events.removeAll(keepingCapacity: true)
            _ = pole.step(Self.inputs(atMs: atMs, utc: 0), events: &events)
        }
        #expect(pole.lampCounters == LampCounters(switchOns: .max, burningMs: .max))
    }

    @Test(arguments: [(13, 1, 2), (0, 1, 2), (1, 99, 2), (1, 0, 2), (1, 1, 7), (1, 1, -1), (Int.max, Int.min, Int.max)])
    func aDateOutsideTheCalendarIsNotADate(month: Int, day: Int, weekday: Int) {
        #expect(LocalDate(month: month, day: day, weekday: weekday) == nil)
    }

    @Test(arguments: [(Int64(-5_000), "-5s"), (-90_500, "-90500ms"), (.min, "-9223372036854775808ms")])
    func aNegativeDurationIsWrittenWithAMinus(milliseconds: Int64, text: String) {
        #expect(DurationText.format(milliseconds: milliseconds) == text)
    }
}
