import PoleCore
import Testing

@Suite struct NowCastTests {
    /// NowCast over `means`, most recent hour first; hours past the end are missing.
    static func nowCast(_ means: [Double?]) -> Double? {
        NowCast.concentration { $0 < means.count ? means[$0] : nil }
    }

    @Test func steadyAirIsThePlainMean() throws {
        let means = [Double?](repeating: 20, count: 12)
        #expect(try #require(Self.nowCast(means)) == 20)
    }

    /// min 20, max 30: w = 1 − 10/30 = 2/3, above the floor.
    /// (30 + ⅔·25 + ⁴⁄₉·20) / (1 + ⅔ + ⁴⁄₉) = 26.3158…
    @Test func theWeightFollowsTheRange() throws {
        let value = try #require(Self.nowCast([30, 25, 20]))
        #expect(abs(value - 26.315_789_473_684) < 1e-9)
    }

    /// min 10, max 90: w = 1 − 80/90 = 0.11, floored at 0.5.
    @Test func theWeightIsFlooredAtOneHalf() throws {
        let means: [Double?] = [13, 16, 10, 21, 74, 64, 53, 82, 90, 75, 80, 50]
        let value = try #require(Self.nowCast(means))
        #expect(abs(value - 17.413_919_413_919) < 1e-9)
    }

    /// w = 1 − (40 − 30)/40 = 0.75; hour 3 is missing, so hour 4 still weighs 0.75⁴.
    @Test func aMissingHourKeepsTheOthersAtTheirHoursAgo() throws {
        let value = try #require(Self.nowCast([40, 36, 32, nil, 30]))
        #expect(abs(value - 35.943_536_404_160) < 1e-9)
        // w = 0.5; the hour two ago weighs 0.25, not 0.5: (20 + 0.25·10) / 1.25 = 18.
        #expect(Self.nowCast([20, nil, 10]) == 18)
    }

    @Test(arguments: [
        ([10, 12, nil], true), ([10, nil, 12], true), ([nil, 10, 12], true), ([10, 12], true),
        ([10, nil, nil, 12, 12], false), ([nil, nil, 10, 12, 12], false), ([nil, 10, nil, 12], false),
        ([10], false), ([], false),
    ] as [([Double?], Bool)])
    func validOnlyWithTwoOfTheLastThreeHours(means: [Double?], valid: Bool) {
        #expect((Self.nowCast(means) != nil) == valid)
    }

    @Test func onlyTwelveHoursCount() {
        let twelve = [Double?](repeating: 20, count: 12)
        #expect(Self.nowCast(twelve + [900]) == 20)
    }

    @Test func onlyHoursZeroToElevenAreAsked() {
        var asked = Set<Int>()
        _ = NowCast.concentration { hoursAgo in
            asked.insert(hoursAgo)
            return 20
        }
        #expect(asked == Set(0..<12))
    }

    @Test func readsStraightFromRollingMeans() throws {
        var means = RollingMean()
        for minute in Int64(0)..<(3 * 60) {
            means.add(minute < 120 ? 10 : 40, atMs: minute * 60_000)
        }
        let now: Int64 = 3 * 3_600_000
        // Hours ago 0, 1, 2 = 40, 10, 10: w = 1 − 30/40 = 0.25, floored to 0.5 → (40 + 5 + 2.5) / 1.75.
        let value = try #require(NowCast.concentration { means.hourlyMean(hoursAgo: $0, nowMs: now) })
        #expect(abs(value - 27.142_857_142_857) < 1e-9)
    }

    @Test func cleanAirIsZero() {
        #expect(Self.nowCast([0, 0, 0]) == 0)
    }
}
