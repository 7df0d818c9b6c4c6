/// One rule of the lamp calendar: on these dates and weekdays, during this time of night, do this.
///
/// Districts turn lamps off near crops after residents' complaints, lower them on quiet nights, and
/// light them fully on festival nights. Rules are ordered; the first that matches wins.
public struct CalendarRule: Sendable, Hashable {
    /// What a matching rule does.
    public enum Action: Sendable, Hashable {
        /// Lamp off: the district's explicit choice, the one thing below the night floor.
        case off
        /// The idle level becomes this percent (motion still brings the full level).
        case idleLevel(Int)
    }

    public var name: String
    /// First and last day, `MMDD`, inclusive; a range with `from > to` wraps over the new year.
    public var fromMonthDay: Int
    public var toMonthDay: Int
    /// Bit n set for weekday n (0 Sunday … 6 Saturday).
    public var weekdayMask: UInt8
    /// Local minutes of the day; `start > end` wraps past midnight (matched on the date it is now).
    public var window: DailyWindow
    public var action: Action

    public init(name: String, fromMonthDay: Int, toMonthDay: Int, weekdayMask: UInt8, window: DailyWindow, action: Action) {
        self.name = name
        self.fromMonthDay = fromMonthDay
        self.toMonthDay = toMonthDay
        self.weekdayMask = weekdayMask
        self.window = window
        self.action = action
    }

    /// Whether the rule applies at `date` and `minuteOfDay`.
    public func matches(_ date: LocalDate, minuteOfDay: Int) -> Bool {
        let day = date.monthDay
        let inDates = fromMonthDay <= toMonthDay
            ? (day >= fromMonthDay && day <= toMonthDay)
            : (day >= fromMonthDay || day <= toMonthDay)
        return inDates && weekdayMask & (1 << UInt8(date.weekday)) != 0 && window.contains(minuteOfDay)
    }
}
