import PoleSim
import Testing

@Suite struct DemoDayTests {
    static let start: Int64 = 1_795_597_200  // 18:00 in Seoul
    static let day: Int64 = 86_400_000

    @Test func sameSeedGivesTheSameScenario() {
        let first = DemoDay.scenario(seed: 7, startUTCSeconds: Self.start, durationMs: Self.day, zones: ["a", "b"])
        let second = DemoDay.scenario(seed: 7, startUTCSeconds: Self.start, durationMs: Self.day, zones: ["a", "b"])
        #expect(first == second)
        #expect(first.seed == 7)
        #expect(first.steps.count > 1_000)
    }

    @Test func differentSeedGivesADifferentScenario() {
        let first = DemoDay.scenario(seed: 7, startUTCSeconds: Self.start, durationMs: Self.day, zones: ["a", "b"])
        let second = DemoDay.scenario(seed: 8, startUTCSeconds: Self.start, durationMs: Self.day, zones: ["a", "b"])
        #expect(first.steps != second.steps)
        let presence = { (s: Scenario) in s.steps.filter { if case .presence = $0.action { true } else { false } }.map(\.atMs) }
        #expect(presence(first) != presence(second))
    }

    /// `poled run` holds the demo an hour at a time: the hours, one after another, are the day.
    @Test func hourWindowsTogetherAreTheWholeDay() {
        let whole = DemoDay.scenario(seed: 4, startUTCSeconds: Self.start, durationMs: Self.day, zones: ["a", "b"])
        var hours: [Scenario.Step] = []
        for hour in Int64(0)..<24 {
            let window = hour * 3_600_000..<(hour + 1) * 3_600_000
            let part = DemoDay.scenario(seed: 4, startUTCSeconds: Self.start, durationMs: Self.day, zones: ["a", "b"], within: window)
            #expect(part.steps.allSatisfy { window.contains($0.atMs) })
            hours += part.steps
        }
        #expect(hours == whole.steps.filter { $0.atMs < Self.day })
        #expect(hours.count > 1_000)
    }

    @Test func headCyclesRed40GreenFifteenFlashingTen() {
        let scenario = DemoDay.scenario(seed: 1, startUTCSeconds: Self.start, durationMs: 131_000, zones: [])
        let heads = scenario.steps.compactMap { step -> (Int64, HeadAspect)? in
            if case .head(let aspect) = step.action { (step.atMs, aspect) } else { nil }
        }
        #expect(heads.map(\.0) == [0, 40_000, 55_000, 65_000, 105_000, 120_000, 130_000])
        #expect(heads.map(\.1) == [
            .red, .green, .flashingGreen(periodMs: 1_000), .red, .green, .flashingGreen(periodMs: 1_000), .red,
        ])
    }

    @Test func everyStepIsWithinTheDurationAndSorted() {
        let duration: Int64 = 3 * 3_600_000
        let scenario = DemoDay.scenario(seed: 3, startUTCSeconds: Self.start, durationMs: duration, zones: ["a"])
        #expect(scenario.steps.allSatisfy { (0...duration).contains($0.atMs) })
        #expect(scenario.steps.map(\.atMs) == scenario.steps.map(\.atMs).sorted())
    }

    @Test func eachArrivalStandsThreeToTenSeconds() {
        let scenario = DemoDay.scenario(seed: 11, startUTCSeconds: Self.start, durationMs: Self.day, zones: ["a"])
        var arrivedAt: Int64?
        var arrivals = 0
        for step in scenario.steps {
            guard case .presence(let zone, let present) = step.action else { continue }
            #expect(zone == "a")
            if present {
                #expect(arrivedAt == nil, "arrival while already present at \(step.atMs)")
                arrivedAt = step.atMs
                arrivals += 1
            } else if let arrival = arrivedAt {
                #expect((3_000...10_000).contains(step.atMs - arrival))
                arrivedAt = nil
            }
        }
        #expect(arrivals > 100)
    }

    @Test func hourlyLightAndAirFollowTheClock() {
        // Starts 18:00 KST: dark. 07:00 KST is 13 h later: daylight.
        let scenario = DemoDay.scenario(seed: 5, startUTCSeconds: Self.start, durationMs: Self.day, zones: [])
        let lux = scenario.steps.compactMap { step -> (Int64, Double)? in
            if case .lux(let value) = step.action { (step.atMs, value) } else { nil }
        }
        #expect(lux.count == 24)
        #expect(lux.first?.1 == 2)
        #expect(lux.first { $0.0 == 13 * 3_600_000 }?.1 == 20_000)
        let air = scenario.steps.compactMap { step -> (Double, Double)? in
            if case .particulates(let fine, let coarse) = step.action { (fine, coarse) } else { nil }
        }
        #expect(air.count == 24)
        #expect(air.allSatisfy { $0.0 >= 3 && $0.0 <= 150 && $0.1 >= $0.0 })
    }
}
