import PoleCore
import Testing

@Suite struct FineDustAlertTests {
    static let hourMs: Int64 = 3_600_000

    /// Rolling means holding one sample a minute at `value(hour)` for hours `0..<hours`.
    static func means(hours: Int64, value: (Int64) -> Double?) -> RollingMean {
        var means = RollingMean()
        for hour in 0..<hours {
            guard let level = value(hour) else { continue }
            for minute in Int64(0)..<60 {
                means.add(level, atMs: hour * hourMs + minute * 60_000)
            }
        }
        return means
    }

    @Test func thePolesLevelIsTheHigherPollutant() {
        var alert = FineDustAlert()
        #expect(alert.update(pm2_5: 20, pm10: 160) == nil)
        #expect(alert.update(pm2_5: 20, pm10: 160) == .advisory)
        #expect(alert.pm10.level == .advisory)
        #expect(alert.pm2_5.level == AlertLevel.none)
        #expect(alert.update(pm2_5: 160, pm10: 160) == nil)
        #expect(alert.update(pm2_5: 160, pm10: 160) == .warning)
    }

    @Test func aPollutantChangeHiddenByTheOtherRaisesNoEvent() {
        var alert = FineDustAlert()
        _ = alert.update(pm2_5: 160, pm10: 20)
        #expect(alert.update(pm2_5: 160, pm10: 20) == .warning)
        _ = alert.update(pm2_5: 160, pm10: 160)
        #expect(alert.update(pm2_5: 160, pm10: 160) == nil)
        #expect(alert.pm10.level == .advisory)
        #expect(alert.update(pm2_5: 70, pm10: 160) == .advisory)
        #expect(alert.pm2_5.level == .advisory)
        #expect(alert.update(pm2_5: 20, pm10: 160) == nil)
        #expect(alert.pm2_5.level == AlertLevel.none)
        #expect(alert.update(pm2_5: 20, pm10: 90) == AlertLevel.none)
    }

    // MARK: on monotonic time

    @Test func onsetIsAtExactlyTwoHoursOfSustainedMeansAndNotBefore() {
        let means = Self.means(hours: 3) { _ in 80 }
        let clean = Self.means(hours: 3) { _ in 10 }
        var alert = FineDustAlert()
        #expect(alert.update(nowMs: 0, pm2_5: means, pm10: clean) == nil)
        #expect(alert.update(nowMs: Self.hourMs, pm2_5: means, pm10: clean) == nil)
        #expect(alert.update(nowMs: 2 * Self.hourMs - 1, pm2_5: means, pm10: clean) == nil)
        #expect(alert.level == AlertLevel.none)
        #expect(alert.update(nowMs: 2 * Self.hourMs, pm2_5: means, pm10: clean) == .advisory)
    }

    @Test func eachHourIsFedOnceHoweverOftenItIsCalled() {
        let means = Self.means(hours: 3) { $0 == 1 ? 80 : 10 }
        let clean = Self.means(hours: 3) { _ in 10 }
        var alert = FineDustAlert()
        for nowMs in stride(from: Int64(0), through: 3 * Self.hourMs, by: 20_000) {
            #expect(alert.update(nowMs: nowMs, pm2_5: means, pm10: clean) == nil)
        }
        #expect(alert.level == AlertLevel.none)
    }

    @Test func hoursMissedBetweenCallsAreCaughtUp() {
        let means = Self.means(hours: 4) { _ in 80 }
        var alert = FineDustAlert()
        _ = alert.update(nowMs: 0, pm2_5: means, pm10: means)
        #expect(alert.update(nowMs: 3 * Self.hourMs + 5, pm2_5: means, pm10: means) == .advisory)
    }

    @Test func hoursBeforeTheFirstCallAreNotFed() {
        let means = Self.means(hours: 3) { _ in 80 }
        var alert = FineDustAlert()
        #expect(alert.update(nowMs: 2 * Self.hourMs, pm2_5: means, pm10: means) == nil)
        #expect(alert.level == AlertLevel.none)
    }

    @Test func aThinHourBreaksTheStreak() {
        var means = Self.means(hours: 3) { $0 == 1 ? nil : 80 }
        for minute in Int64(0)..<44 {
            means.add(80, atMs: Self.hourMs + minute * 60_000)
        }
        var alert = FineDustAlert()
        _ = alert.update(nowMs: 0, pm2_5: means, pm10: means)
        #expect(alert.update(nowMs: 3 * Self.hourMs, pm2_5: means, pm10: means) == nil)
        #expect(alert.level == AlertLevel.none)
    }

    @Test func aLongSilenceLapsesTheAlert() {
        let means = Self.means(hours: 2) { _ in 80 }
        var alert = FineDustAlert()
        _ = alert.update(nowMs: 0, pm2_5: means, pm10: means)
        #expect(alert.update(nowMs: 2 * Self.hourMs, pm2_5: means, pm10: means) == .advisory)
        #expect(alert.update(nowMs: 4 * Self.hourMs, pm2_5: means, pm10: means) == nil)
        #expect(alert.update(nowMs: 5 * Self.hourMs, pm2_5: means, pm10: means) == AlertLevel.none)
    }

    @Test func aGapLongerThanTheMeansHoldIsMissingData() {
        let means = Self.means(hours: 2) { _ in 80 }
        var alert = FineDustAlert()
        _ = alert.update(nowMs: 0, pm2_5: means, pm10: means)
        #expect(alert.update(nowMs: 2 * Self.hourMs, pm2_5: means, pm10: means) == .advisory)
        #expect(alert.update(nowMs: 1_000 * Self.hourMs, pm2_5: means, pm10: means) == AlertLevel.none)
    }
}
