@testable import PoleCore
import Testing

@Suite struct MistActuatorTests {
    private let date = LocalDate(month: 11, day: 25, weekday: 3)!
    private let settings = MistSettings(minimumOnMs: 60_000, minimumOffMs: 60_000, dailyRunLimitMs: 600_000)

    @Test func onAtBadOffAtModerateWithHysteresisAndMinimumTimes() {
        var mist = MistActuator(settings: settings)
        #expect(mist.update(grade: .moderate, sensorHealthy: true, date: date, nowMs: 0) == .off)
        #expect(mist.update(grade: .bad, sensorHealthy: true, date: date, nowMs: 1_000) == .on)
        #expect(mist.update(grade: .moderate, sensorHealthy: true, date: date, nowMs: 30_000) == .on, "minimum on time")
        #expect(mist.update(grade: .moderate, sensorHealthy: true, date: date, nowMs: 61_000) == .off)
        #expect(mist.update(grade: .bad, sensorHealthy: true, date: date, nowMs: 100_000) == .off, "minimum off time")
        #expect(mist.update(grade: .bad, sensorHealthy: true, date: date, nowMs: 121_000) == .on)
    }

    @Test func betweenTheGradesItKeepsItsState() {
        var mist = MistActuator(settings: MistSettings(onAtGrade: .veryBad, offAtGrade: .moderate, minimumOnMs: 0, minimumOffMs: 0))
        #expect(mist.update(grade: .bad, sensorHealthy: true, date: date, nowMs: 0) == .off)
        #expect(mist.update(grade: .veryBad, sensorHealthy: true, date: date, nowMs: 1) == .on)
        #expect(mist.update(grade: .bad, sensorHealthy: true, date: date, nowMs: 2) == .on)
    }

    @Test func offAtOnceWhenTheSensorFails() {
        var mist = MistActuator(settings: settings)
        _ = mist.update(grade: .veryBad, sensorHealthy: true, date: date, nowMs: 0)
        #expect(mist.update(grade: .veryBad, sensorHealthy: false, date: date, nowMs: 1_000) == .off)
    }

    @Test func theDailyLimitStopsItUntilTheNextDay() {
        var mist = MistActuator(settings: settings)
        _ = mist.update(grade: .veryBad, sensorHealthy: true, date: date, nowMs: 0)
        #expect(mist.update(grade: .veryBad, sensorHealthy: true, date: date, nowMs: 599_000) == .on)
        #expect(mist.update(grade: .veryBad, sensorHealthy: true, date: date, nowMs: 600_000) == .off)
        let tomorrow = LocalDate(month: 11, day: 26, weekday: 4)!
        #expect(mist.update(grade: .veryBad, sensorHealthy: true, date: tomorrow, nowMs: 700_000) == .on)
    }
}
