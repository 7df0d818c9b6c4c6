import Testing

/// Calendar arithmetic for the solar tests, so expected times read as the published tables print them.
enum CivilTime {
    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func epochDay(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int64(era * 146_097 + dayOfEra - 719_468)
    }

    /// UTC seconds of the wall-clock time `hour:minute:second` on a date, in a zone `zoneHours`
    /// ahead of UTC.
    static func utcSeconds(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0, zoneHours: Int
    ) -> Int64 {
        epochDay(year, month, day) * 86_400 + Int64((hour - zoneHours) * 3_600 + minute * 60 + second)
    }
}

/// Checks a computed time against a published one, naming both and the difference on failure.
func expectPublished(
    _ computed: Int64?, _ published: Int64, withinSeconds tolerance: Int64 = 60, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let computed else {
        Issue.record("\(what): no time computed, published \(published)", sourceLocation: sourceLocation)
        return
    }
    #expect(
        abs(computed - published) <= tolerance,
        "\(what): computed \(computed), published \(published), off by \(computed - published) s",
        sourceLocation: sourceLocation
    )
}
