import PoleCore
import Testing

@Suite struct PollutantAlertTests {
    /// Feeds hourly means in order and returns the level after each hour.
    static func levels(_ means: [Double?], thresholds: AlertThresholds = .pm2_5, missingHoursMax: Int = 3) -> [AlertLevel] {
        var alert = PollutantAlert(thresholds: thresholds, missingHoursMax: missingHoursMax)
        return means.map { mean in
            _ = alert.update(hourlyMean: mean)
            return alert.level
        }
    }

    @Test func defaultsAreTheNationalCriteria() {
        #expect(AlertThresholds.pm2_5 == AlertThresholds(advisoryOnset: 75, advisoryClear: 35, warningOnset: 150, warningClear: 75, onsetHours: 2))
        #expect(AlertThresholds.pm10 == AlertThresholds(advisoryOnset: 150, advisoryClear: 100, warningOnset: 300, warningClear: 150, onsetHours: 2))
    }

    // MARK: onset

    @Test func anAdvisoryStartsAfterTwoHoursAtTheThresholdAndNotBefore() {
        #expect(Self.levels([75, 75]) == [.none, .advisory])
        #expect(Self.levels([74.9, 75, 75]) == [.none, .none, .advisory])
        #expect(Self.levels([74.9, 74.9, 74.9]) == [.none, .none, .none])
    }

    @Test func onsetHoursMustBeConsecutive() {
        #expect(Self.levels([80, 70, 80, 80]) == [.none, .none, .none, .advisory])
    }

    @Test func aMissingHourBreaksTheStreak() {
        #expect(Self.levels([80, nil, 80, 80]) == [.none, .none, .none, .advisory])
    }

    @Test func twoHoursAtTheWarningThresholdGoStraightToWarning() {
        #expect(Self.levels([150, 150]) == [.none, .warning])
        #expect(Self.levels([70, 150, 150]) == [.none, .none, .warning])
        // Hours at or above 150 are also hours at or above 75.
        #expect(Self.levels([149.9, 150, 150]) == [.none, .advisory, .warning])
    }

    @Test func anAdvisoryEscalatesAfterTwoWarningHours() {
        #expect(Self.levels([80, 160, 160]) == [.none, .advisory, .warning])
        #expect(Self.levels([80, 80, 160, 100, 160, 160]) == [.none, .advisory, .advisory, .advisory, .advisory, .warning])
    }

    // MARK: clearing

    @Test func anAdvisoryClearsOnOneHourBelowThirtyFive() {
        #expect(Self.levels([80, 80, 35, 34.9]) == [.none, .advisory, .advisory, .none])
    }

    @Test func betweenClearAndOnsetTheAdvisoryHolds() {
        #expect(Self.levels([80, 80, 50, 40, 74]) == [.none, .advisory, .advisory, .advisory, .advisory])
    }

    @Test func aWarningFallsBackToAnAdvisoryBelowSeventyFive() {
        #expect(Self.levels([160, 160, 75, 74.9]) == [.none, .warning, .warning, .advisory])
    }

    @Test func aWarningClearsOutrightWhenTheHourIsAlsoBelowTheAdvisoryClear() {
        #expect(Self.levels([160, 160, 34.9]) == [.none, .warning, .none])
    }

    @Test func afterFallingBackOneWarningHourDoesNotReEscalate() {
        #expect(Self.levels([160, 160, 70, 160, 160]) == [.none, .warning, .advisory, .advisory, .warning])
    }

    @Test func aClearedAlertNeedsTwoNewHours() {
        #expect(Self.levels([80, 80, 30, 80, 80]) == [.none, .advisory, .none, .none, .advisory])
    }

    // MARK: missing data

    @Test func missingHoursNeitherClearNorRaise() {
        #expect(Self.levels([80, 80, nil, nil, 80]) == [.none, .advisory, .advisory, .advisory, .advisory])
    }

    @Test func anAlertLapsesAfterMissingHoursMax() {
        #expect(Self.levels([80, 80, nil, nil, nil]) == [.none, .advisory, .advisory, .advisory, .none])
        #expect(Self.levels([160, 160, nil], missingHoursMax: 1) == [.none, .warning, .none])
    }

    @Test func nonFiniteMeansCountAsMissing() {
        #expect(Self.levels([80, .nan, 80]) == [.none, .none, .none])
    }

    // MARK: PM10

    @Test func pm10Thresholds() {
        let pm10 = AlertThresholds.pm10
        #expect(Self.levels([149.9, 150, 150], thresholds: pm10) == [.none, .none, .advisory])
        #expect(Self.levels([150, 150, 100, 99.9], thresholds: pm10) == [.none, .advisory, .advisory, .none])
        #expect(Self.levels([140, 300, 300], thresholds: pm10) == [.none, .none, .warning])
        #expect(Self.levels([299.9, 300, 300], thresholds: pm10) == [.none, .advisory, .warning])
        #expect(Self.levels([300, 300, 150, 149.9], thresholds: pm10) == [.none, .warning, .warning, .advisory])
        #expect(Self.levels([300, 300, 99.9], thresholds: pm10) == [.none, .warning, .none])
    }

    // MARK: events

    @Test func updateReturnsTheNewLevelOnlyOnChange() {
        var alert = PollutantAlert(thresholds: .pm2_5)
        #expect(alert.update(hourlyMean: 80) == nil)
        #expect(alert.update(hourlyMean: 80) == .advisory)
        #expect(alert.update(hourlyMean: 80) == nil)
        #expect(alert.update(hourlyMean: 160) == nil)
        #expect(alert.update(hourlyMean: 160) == .warning)
        #expect(alert.update(hourlyMean: 70) == .advisory)
        #expect(alert.update(hourlyMean: 20) == AlertLevel.none)
        #expect(alert.update(hourlyMean: 20) == nil)
    }

    @Test func levelsAreOrderedAndNamed() {
        #expect(AlertLevel.none < .advisory)
        #expect(AlertLevel.advisory < .warning)
        #expect(AlertLevel.allCases.map(\.name) == ["none", "advisory", "warning"])
    }
}
