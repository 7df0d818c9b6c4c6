/// A calendar date as TOML writes it (`1987-07-05`): proleptic Gregorian, year 0…9999.
public struct TOMLDate: Sendable, Hashable {
    public let year: Int
    /// 1…12.
    public let month: Int
    /// 1…28, 29, 30 or 31, as the month and year allow.
    public let day: Int

    /// A date, or `nil` when no such day exists.
    public init?(year: Int, month: Int, day: Int) {
        guard (0...9_999).contains(year), (1...12).contains(month) else { return nil }
        guard (1...Self.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days in `month` of `year` (February has 29 in a leap year).
    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A time of day as TOML writes it (`07:32:00.999`); second 60 is a leap second.
public struct TOMLTime: Sendable, Hashable {
    /// 0…23.
    public let hour: Int
    /// 0…59.
    public let minute: Int
    /// 0…60.
    public let second: Int
    /// 0…999 999 999; digits past nanoseconds are cut off, not rounded.
    public let nanosecond: Int

    /// A time, or `nil` when a field is out of range.
    public init?(hour: Int, minute: Int, second: Int, nanosecond: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              (0...999_999_999).contains(nanosecond)
        else { return nil }
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }
}

/// One of TOML's four date and time values, held without Foundation: an offset date-time, a local
/// date-time, a local date or a local time.
///
/// Exists so a config reader can take `clock.min_valid = 2025-01-01` as a date and say what it
/// found, without linking Foundation's calendars (and their ICU data) into the daemon.
public struct TOMLDateTime: Sendable, Hashable, CustomStringConvertible {
    /// Which of the four TOML kinds a value is.
    public enum Kind: Sendable, Hashable {
        case offsetDateTime, localDateTime, localDate, localTime
    }

    public let date: TOMLDate?
    public let time: TOMLTime?
    /// Minutes east of UTC, for an offset date-time only (`Z` is 0).
    public let offsetMinutes: Int?

    /// An offset date-time.
    public init(date: TOMLDate, time: TOMLTime, offsetMinutes: Int) {
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// A local date-time.
    public init(date: TOMLDate, time: TOMLTime) {
        self.date = date
        self.time = time
        offsetMinutes = nil
    }

    /// A local date.
    public init(date: TOMLDate) {
        self.date = date
        time = nil
        offsetMinutes = nil
    }

    /// A local time.
    public init(time: TOMLTime) {
        date = nil
        self.time = time
        offsetMinutes = nil
    }

    public var kind: Kind {
        switch (date != nil, time != nil, offsetMinutes != nil) {
        case (true, true, true): .offsetDateTime
        case (true, true, false): .localDateTime
        case (true, false, _): .localDate
        default: .localTime
        }
    }

    /// The value in RFC 3339 form (`1987-07-05T17:45:00Z`, `17:45:00.5`), as TOML may write it.
    public var description: String {
        var text = ""
        if let date {
            text += Self.digits(date.year, 4) + "-" + Self.digits(date.month, 2) + "-" + Self.digits(date.day, 2)
        }
        if let time {
            if date != nil { text += "T" }
            text += Self.digits(time.hour, 2) + ":" + Self.digits(time.minute, 2) + ":" + Self.digits(time.second, 2)
            if time.nanosecond != 0 {
                var fraction = Self.digits(time.nanosecond, 9)
                while fraction.hasSuffix("0") { fraction.removeLast() }
                text += "." + fraction
            }
        }
        if let offsetMinutes {
            if offsetMinutes == 0 {
                text += "Z"
            } else {
                let size = offsetMinutes.magnitude
                text += (offsetMinutes < 0 ? "-" : "+") + Self.digits(Int(size / 60), 2) + ":" + Self.digits(Int(size % 60), 2)
            }
        }
        return text
    }

    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
