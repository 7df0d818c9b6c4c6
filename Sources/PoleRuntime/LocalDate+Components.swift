public import PoleCore

extension LocalDate {
    /// The date `SiteLocalTime` read from the C library's time-zone database, or `nil` when it had
    /// none for the time.
    public init?(_ components: (month: Int, day: Int, weekday: Int)?) {
        guard let components else { return nil }
        self.init(month: components.month, day: components.day, weekday: components.weekday)
    }
}
