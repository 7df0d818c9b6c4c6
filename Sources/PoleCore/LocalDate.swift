/// The local calendar date at the site, as the runtime's time-zone database gives it.
public struct LocalDate: Sendable, Hashable {
    /// 1…12.
    public var month: Int
    /// 1…31.
    public var day: Int
    /// 0 Sunday … 6 Saturday.
    public var weekday: Int

    /// The date, or `nil` when a part is outside its range (a recording or a broken conversion
    /// cannot make a date the calendar rules would misread).
    public init?(month: Int, day: Int, weekday: Int) {
        guard (1...12).contains(month), (1...31).contains(day), (0...6).contains(weekday) else { return nil }
        self.month = month
        self.day = day
        self.weekday = weekday
    }

    /// Month and day as one comparable number, `MMDD`.
    var monthDay: Int { month * 100 + day }
}
