/// The local calendar date at the site, as the runtime's time-zone database gives it.
public struct LocalDate: Sendable, Hashable {
    /// 1…12.
    public var month: Int
    /// 1…31.
    public var day: Int
    /// 0 Sunday … 6 Saturday.
    public var weekday: Int

    public init(month: Int, day: Int, weekday: Int) {
        precondition((1...12).contains(month), "month 1…12")
        precondition((1...31).contains(day), "day 1…31")
        precondition((0...6).contains(weekday), "weekday 0…6")
        self.month = month
        self.day = day
        self.weekday = weekday
    }

    /// Month and day as one comparable number, `MMDD`.
    var monthDay: Int { month * 100 + day }
}
