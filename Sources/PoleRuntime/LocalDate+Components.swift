public import PoleCore

extension LocalDate {
    /// The date `SiteLocalTime` read from the C library's time-zone database.
    public init(_ components: (month: Int, day: Int, weekday: Int)) {
        self.init(month: components.month, day: components.day, weekday: components.weekday)
    }
}
