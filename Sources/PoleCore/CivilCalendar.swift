/// Dates of the proleptic Gregorian calendar as day counts, for the few places that turn a written
/// date into seconds (scenario times, `clock.min_valid`) without Foundation.
public enum CivilCalendar {
    /// Days from 1970-01-01 to `year-month-day` (Howard Hinnant's days-from-civil algorithm).
    public static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
