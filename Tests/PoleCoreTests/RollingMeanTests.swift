import PoleCore
import Testing

@Suite struct RollingMeanTests {
    static let minuteMs: Int64 = 60_000
    static let hourMs: Int64 = 3_600_000

    /// One sample a second from `fromSecond` up to (not including) `toSecond`.
    static func everySecond(_ means: inout RollingMean, from fromSecond: Int64, to toSecond: Int64, value: (Int64) -> Double) {
        for second in fromSecond..<toSecond {
            means.add(value(second), atMs: second * 1_000)
        }
    }

    /// One sample a minute, at the start of each minute in `minutes` of `hour`.
    static func everyMinute(_ means: inout RollingMean, hour: Int64, minutes: Range<Int64>, value: Double) {
        for minute in minutes {
            means.add(value, atMs: hour * hourMs + minute * minuteMs)
        }
    }

    // MARK: minute

    @Test func theMinuteMeanIsTheMeanOfTheLastSixtyCompleteSeconds() throws {
        var means = RollingMean()
        Self.everySecond(&means, from: 0, to: 60) { Double($0) }
        #expect(try #require(means.mean(.minute, nowMs: 60_000)) == 29.5)
    }

    @Test func aSampleJoinsWhenItsSecondCompletes() throws {
        var means = RollingMean()
        Self.everySecond(&means, from: 0, to: 60) { $0 == 59 ? 600 : 0 }
        #expect(try #require(means.mean(.minute, nowMs: 59_999)) == 0)
        #expect(try #require(means.mean(.minute, nowMs: 60_000)) == 10)
    }

    @Test func theBucketNowFillingDoesNotEvictTheWindowsOldest() throws {
        var means = RollingMean()
        Self.everySecond(&means, from: 0, to: 61) { $0 == 0 ? 600 : 0 }
        #expect(try #require(means.mean(.minute, nowMs: 60_500)) == 10)
        var day = RollingMean()
        for hour in Int64(0)...24 {
            Self.everyMinute(&day, hour: hour, minutes: 0..<60, value: hour == 0 ? 48 : 0)
        }
        #expect(try #require(day.hourlyMean(hoursAgo: 23, nowMs: 24 * Self.hourMs + 1)) == 48)
        #expect(try #require(day.mean(.day, nowMs: 24 * Self.hourMs + 1)) == 2)
    }

    @Test func theWindowSlides() throws {
        var means = RollingMean()
        Self.everySecond(&means, from: 0, to: 90) { $0 < 60 ? 10 : 20 }
        #expect(try #require(means.mean(.minute, nowMs: 90_000)) == 15)
        Self.everySecond(&means, from: 90, to: 120) { _ in 20 }
        #expect(try #require(means.mean(.minute, nowMs: 120_000)) == 20)
    }

    @Test func seventyFivePercentCoverageIsEnough() throws {
        var means = RollingMean()
        Self.everySecond(&means, from: 0, to: 45) { _ in 8 }
        #expect(try #require(means.mean(.minute, nowMs: 60_000)) == 8)
    }

    @Test func belowCoverageIsNil() {
        var means = RollingMean()
        Self.everySecond(&means, from: 0, to: 44) { _ in 8 }
        #expect(means.mean(.minute, nowMs: 60_000) == nil)
    }

    @Test func manySamplesInFewSecondsDoNotMakeCoverage() {
        var means = RollingMean()
        for millisecond in stride(from: Int64(0), to: 44_000, by: 100) {
            means.add(8, atMs: millisecond)
        }
        #expect(means.mean(.minute, nowMs: 60_000) == nil)
    }

    @Test func aSensorThatStoppedGivesNilNotItsLastMinute() {
        var means = RollingMean()
        Self.everySecond(&means, from: 0, to: 60) { _ in 8 }
        #expect(means.mean(.minute, nowMs: 60_000) == 8)
        #expect(means.mean(.minute, nowMs: 120_000) == nil)
    }

    @Test func aSampleIsUsedOnlyWhileWithinTheWindowSpan() {
        var means = RollingMean(coverageMin: 0.01)
        means.add(8, atMs: 0)
        #expect(means.mean(.minute, nowMs: 999) == nil)
        #expect(means.mean(.minute, nowMs: 1_000) == 8)
        #expect(means.mean(.minute, nowMs: 60_999) == 8)
        #expect(means.mean(.minute, nowMs: 61_000) == nil)
    }

    @Test func coverageIsASetting() {
        var means = RollingMean(coverageMin: 0.5)
        Self.everySecond(&means, from: 0, to: 30) { _ in 8 }
        #expect(means.mean(.minute, nowMs: 60_000) == 8)
        var strict = RollingMean(coverageMin: 1)
        Self.everySecond(&strict, from: 0, to: 59) { _ in 8 }
        #expect(strict.mean(.minute, nowMs: 60_000) == nil)
    }

    // MARK: samples

    @Test func nonFiniteSamplesAreDroppedAndPoisonNothing() {
        var means = RollingMean()
        Self.everySecond(&means, from: 0, to: 60) { _ in 8 }
        #expect(means.add(.nan, atMs: 30_500) == .notFinite)
        #expect(means.add(.infinity, atMs: 30_600) == .notFinite)
        #expect(means.mean(.minute, nowMs: 60_000) == 8)
    }

    @Test func aSampleOlderThanEveryWindowHoldsIsTooOld() {
        var means = RollingMean()
        #expect(means.add(1, atMs: 0) == .accepted)
        Self.everySecond(&means, from: 1, to: 25 * 3_600 + 61) { _ in 8 }
        #expect(means.add(1, atMs: 0) == .tooOld)
    }

    @Test func aLateSampleStillCountsWhereItsBucketIsHeld() {
        var means = RollingMean(coverageMin: 0.01)
        means.add(10, atMs: 5_000)
        #expect(means.add(20, atMs: 2_000) == .accepted)
        #expect(means.mean(.minute, nowMs: 6_000) == 15)
    }

    // MARK: hour and day

    @Test func theHourMeanNeedsFortyFiveMinutesWithSamples() {
        var enough = RollingMean()
        Self.everyMinute(&enough, hour: 0, minutes: 0..<45, value: 30)
        #expect(enough.mean(.hour, nowMs: Self.hourMs) == 30)
        #expect(enough.hourlyMean(hoursAgo: 0, nowMs: Self.hourMs) == 30)
        var short = RollingMean()
        Self.everyMinute(&short, hour: 0, minutes: 0..<44, value: 30)
        #expect(short.mean(.hour, nowMs: Self.hourMs) == nil)
        #expect(short.hourlyMean(hoursAgo: 0, nowMs: Self.hourMs) == nil)
    }

    @Test func theSlidingHourEqualsTheHourlyMeanAtTheHour() throws {
        var means = RollingMean()
        Self.everySecond(&means, from: 0, to: 3_600) { Double($0 % 97) }
        let sliding = try #require(means.mean(.hour, nowMs: Self.hourMs))
        let hourly = try #require(means.hourlyMean(hoursAgo: 0, nowMs: Self.hourMs))
        #expect(sliding == hourly)
        #expect(means.hourlyMean(hoursAgo: 0, nowMs: Self.hourMs - 1) == nil)
    }

    @Test func hourlyMeansLookBackByCompleteHours() {
        var means = RollingMean()
        for hour in Int64(0)..<3 {
            Self.everyMinute(&means, hour: hour, minutes: 0..<60, value: Double(10 * (hour + 1)))
        }
        let now = 3 * Self.hourMs + 1_234
        #expect(means.hourlyMean(hoursAgo: 0, nowMs: now) == 30)
        #expect(means.hourlyMean(hoursAgo: 1, nowMs: now) == 20)
        #expect(means.hourlyMean(hoursAgo: 2, nowMs: now) == 10)
        #expect(means.hourlyMean(hoursAgo: 3, nowMs: now) == nil)
    }

    @Test func theDayNeedsEighteenValidHours() {
        var enough = RollingMean()
        for hour in Int64(0)..<18 {
            Self.everyMinute(&enough, hour: hour, minutes: 0..<60, value: 40)
        }
        #expect(enough.mean(.day, nowMs: 24 * Self.hourMs) == 40)
        var short = RollingMean()
        for hour in Int64(0)..<17 {
            Self.everyMinute(&short, hour: hour, minutes: 0..<60, value: 40)
        }
        #expect(short.mean(.day, nowMs: 24 * Self.hourMs) == nil)
    }

    @Test func hoursWithThinDataDoNotCountTowardsTheDay() {
        var means = RollingMean()
        for hour in Int64(0)..<17 {
            Self.everyMinute(&means, hour: hour, minutes: 0..<60, value: 40)
        }
        for hour in Int64(17)..<24 {
            Self.everyMinute(&means, hour: hour, minutes: 0..<30, value: 40)
        }
        #expect(means.mean(.day, nowMs: 24 * Self.hourMs) == nil)
    }

    @Test func theDayWeighsEverySampleEqually() throws {
        var means = RollingMean()
        for hour in Int64(0)..<24 {
            Self.everyMinute(&means, hour: hour, minutes: 0..<60, value: hour < 12 ? 10 : 30)
        }
        #expect(try #require(means.mean(.day, nowMs: 24 * Self.hourMs)) == 20)
        // Hours 6…29: hours 6–23 hold data, 18 valid hours, six at 10 and twelve at 30.
        let later = try #require(means.mean(.day, nowMs: 30 * Self.hourMs))
        #expect(abs(later - 70.0 / 3) < 1e-9)
        #expect(means.mean(.day, nowMs: 31 * Self.hourMs) == nil)
    }
}
