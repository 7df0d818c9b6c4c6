import PoleTOML
import Testing

/// Dates and times are TOML's own values, held without Foundation.
@Suite struct TOMLDateTimeTests {
    @Test(arguments: [
        ("1987-07-05T17:45:00Z", TOMLDateTime.Kind.offsetDateTime, "1987-07-05T17:45:00Z"),
        ("1987-07-05 17:45:00.5+09:00", .offsetDateTime, "1987-07-05T17:45:00.5+09:00"),
        ("1987-07-05t17:45:00-00:30", .offsetDateTime, "1987-07-05T17:45:00-00:30"),
        ("1987-07-05T17:45:00.123456789123", .localDateTime, "1987-07-05T17:45:00.123456789"),
        ("2024-02-29", .localDate, "2024-02-29"),
        ("23:59:60", .localTime, "23:59:60"),
    ])
    func eachKindIsReadAndWrittenBack(text: String, kind: TOMLDateTime.Kind, written: String) throws {
        guard case .dateTime(let value) = try TOMLReader.read("v = \(text)")["v"]?.value.content else {
            throw Failure("\(text) is not a date-time")
        }
        #expect(value.kind == kind)
        #expect(value.description == written)
    }

    @Test func fieldsAreKept() throws {
        guard case .dateTime(let value) = try TOMLReader.read("v = 2025-01-02T03:04:05.006-07:30")["v"]?.value.content else {
            throw Failure("not a date-time")
        }
        #expect(value.date == TOMLDate(year: 2025, month: 1, day: 2))
        #expect(value.time == TOMLTime(hour: 3, minute: 4, second: 5, nanosecond: 6_000_000))
        #expect(value.offsetMinutes == -450)
    }

    @Test func onlyRealDaysExist() {
        #expect(TOMLDate(year: 2000, month: 2, day: 29) != nil)
        #expect(TOMLDate(year: 1900, month: 2, day: 29) == nil)
        #expect(TOMLDate(year: 2025, month: 4, day: 31) == nil)
        #expect(TOMLDate(year: 2025, month: 13, day: 1) == nil)
        #expect(TOMLTime(hour: 24, minute: 0, second: 0) == nil)
    }
}
