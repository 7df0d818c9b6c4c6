import PoleCore
import Testing

@Suite struct CalendarRuleTests {
    private let summerNights = CalendarRule(
        name: "rice fields", fromMonthDay: 601, toMonthDay: 930, weekdayMask: 0x7F,
        window: DailyWindow(startMinute: 0, endMinute: 5 * 60), action: .off
    )

    @Test func matchesInsideItsDatesAndWindowOnly() {
        #expect(summerNights.matches(LocalDate(month: 7, day: 1, weekday: 3)!, minuteOfDay: 60))
        #expect(!summerNights.matches(LocalDate(month: 7, day: 1, weekday: 3)!, minuteOfDay: 5 * 60), "the end is exclusive")
        #expect(!summerNights.matches(LocalDate(month: 5, day: 31, weekday: 0)!, minuteOfDay: 60))
        #expect(summerNights.matches(LocalDate(month: 9, day: 30, weekday: 3)!, minuteOfDay: 0), "both dates inclusive")
    }

    @Test func aRangeCanWrapTheNewYearAndWeekdaysFilter() {
        let weekends = CalendarRule(
            name: "new year", fromMonthDay: 1_231, toMonthDay: 101, weekdayMask: 0b100_0001,
            window: DailyWindow(startMinute: 22 * 60, endMinute: 2 * 60), action: .idleLevel(100)
        )
        #expect(weekends.matches(LocalDate(month: 12, day: 31, weekday: 6)!, minuteOfDay: 23 * 60))
        #expect(weekends.matches(LocalDate(month: 1, day: 1, weekday: 0)!, minuteOfDay: 60))
        #expect(!weekends.matches(LocalDate(month: 1, day: 1, weekday: 4)!, minuteOfDay: 60), "a Thursday")
        #expect(!weekends.matches(LocalDate(month: 1, day: 2, weekday: 0)!, minuteOfDay: 60))
    }
}

@Suite struct LampCalendarTests {
    private func level(_ lamp: inout SecurityLamp, minute: Int, nowMs: Int64, decided: Bool = true) -> Int {
        var outputs = Outputs.safe
        var events: [Event] = []
        let inputs = Inputs(monotonicMs: nowMs, utcSeconds: 0, localMinuteOfDay: minute, localDate: LocalDate(month: 7, day: 1, weekday: 3))
        lamp.step(inputs, night: true, nightDecided: decided, outputs: &outputs, events: &events)
        return outputs.lampPercent
    }

    @Test func aForcedOffWindowTurnsTheLampOffInsideItAndNowhereElse() {
        let rule = CalendarRule(name: "crops", fromMonthDay: 101, toMonthDay: 1_231, weekdayMask: 0x7F,
                                window: DailyWindow(startMinute: 60, endMinute: 120), action: .off)
        var lamp = SecurityLamp(settings: LampSettings(calendar: [rule]))
        #expect(level(&lamp, minute: 59, nowMs: 0) == 30)
        #expect(level(&lamp, minute: 60, nowMs: 20) == 0)
        #expect(level(&lamp, minute: 119, nowMs: 40) == 0)
        #expect(level(&lamp, minute: 120, nowMs: 60) == 30)
    }

    @Test func theFirstMatchingRuleWinsAndAnUndecidedNightIgnoresTheCalendar() {
        let festival = CalendarRule(name: "festival", fromMonthDay: 701, toMonthDay: 701, weekdayMask: 0x7F,
                                    window: DailyWindow(startMinute: 0, endMinute: 1_439), action: .idleLevel(100))
        let off = CalendarRule(name: "crops", fromMonthDay: 101, toMonthDay: 1_231, weekdayMask: 0x7F,
                               window: DailyWindow(startMinute: 0, endMinute: 1_439), action: .off)
        var lamp = SecurityLamp(settings: LampSettings(calendar: [festival, off]))
        #expect(level(&lamp, minute: 600, nowMs: 0) == 100)
        var offFirst = SecurityLamp(settings: LampSettings(calendar: [off, festival]))
        #expect(level(&offFirst, minute: 600, nowMs: 0) == 0)
        #expect(level(&offFirst, minute: 600, nowMs: 20, decided: false) == 100, "fail lit beats the calendar")
    }
}
