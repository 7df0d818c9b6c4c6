extension TOMLParser {
    /// `true` when the text ahead starts a date (`dddd-`) or a time (`dd:`).
    var isAtDateOrTime: Bool {
        let isDigit = { (offset: Int) in peek(offset).map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false }
        if isDigit(0), isDigit(1), isDigit(2), isDigit(3), peek(4) == UInt8(ascii: "-") { return true }
        return isDigit(0) && isDigit(1) && peek(2) == UInt8(ascii: ":")
    }

    /// An offset date-time, local date-time, local date or local time (RFC 3339, with `T`, `t` or
    /// a space between date and time; seconds required, as TOML 1.0 says).
    mutating func readDateTime() throws(TOMLError) -> TOMLValue {
        let start = position
        guard peek(2) != UInt8(ascii: ":") else {
            return TOMLValue(.dateTime(TOMLDateTime(time: try readTime())), at: start)
        }
        let date = try readDate()
        let separator = current
        let hasTime = separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
            || (separator == UInt8(ascii: " ") && peek(1).map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } == true)
        guard hasTime else { return TOMLValue(.dateTime(TOMLDateTime(date: date)), at: start) }
        advance()
        let time = try readTime()
        guard let offset = try readOffset() else {
            return TOMLValue(.dateTime(TOMLDateTime(date: date, time: time)), at: start)
        }
        return TOMLValue(.dateTime(TOMLDateTime(date: date, time: time, offsetMinutes: offset)), at: start)
    }

    private mutating func readDate() throws(TOMLError) -> TOMLDate {
        let start = position
        let year = try digits(4, "a date as YYYY-MM-DD")
        try expect(UInt8(ascii: "-"), "a date as YYYY-MM-DD")
        let month = try digits(2, "a date as YYYY-MM-DD")
        try expect(UInt8(ascii: "-"), "a date as YYYY-MM-DD")
        let day = try digits(2, "a date as YYYY-MM-DD")
        guard let date = TOMLDate(year: year, month: month, day: day) else {
            throw error("there is no day \(day) of month \(month) in \(year)", at: start)
        }
        return date
    }

    private mutating func readTime() throws(TOMLError) -> TOMLTime {
        let start = position
        let hour = try digits(2, "a time as HH:MM:SS")
        try expect(UInt8(ascii: ":"), "a time as HH:MM:SS")
        let minute = try digits(2, "a time as HH:MM:SS")
        try expect(UInt8(ascii: ":"), "a time as HH:MM:SS (seconds are required)")
        let second = try digits(2, "a time as HH:MM:SS")
        var nanosecond = 0
        if current == UInt8(ascii: ".") {
            advance()
            var count = 0
            while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if count < 9 { nanosecond = nanosecond * 10 + Int(byte - UInt8(ascii: "0")) }
                count += 1
                advance()
            }
            guard count > 0 else { throw error("expected digits after the decimal point of the seconds") }
            for _ in min(count, 9)..<9 { nanosecond *= 10 }
        }
        guard let time = TOMLTime(hour: hour, minute: minute, second: second, nanosecond: nanosecond) else {
            let written = [hour, minute, second].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
            throw error("\(written) is not a time of day; expected hours 00–23, minutes 00–59, seconds 00–60", at: start)
        }
        return time
    }

    /// `Z`, `z` or `±HH:MM`, in minutes east of UTC; `nil` for a local date-time.
    private mutating func readOffset() throws(TOMLError) -> Int? {
        switch current {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            advance()
            return 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let start = position
            let sign = current == UInt8(ascii: "-") ? -1 : 1
            advance()
            let hours = try digits(2, "an offset as ±HH:MM")
            try expect(UInt8(ascii: ":"), "an offset as ±HH:MM")
            let minutes = try digits(2, "an offset as ±HH:MM")
            guard hours <= 23, minutes <= 59 else { throw error("offset out of range; expected -23:59…+23:59", at: start) }
            return sign * (hours * 60 + minutes)
        default:
            return nil
        }
    }

    private mutating func digits(_ count: Int, _ expected: String) throws(TOMLError) -> Int {
        var value = 0
        for _ in 0..<count {
            guard let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                throw error("unexpected \(Self.describe(current)); expected \(expected)")
            }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            advance()
        }
        return value
    }

    private mutating func expect(_ byte: UInt8, _ expected: String) throws(TOMLError) {
        guard current == byte else { throw error("unexpected \(Self.describe(current)); expected \(expected)") }
        advance()
    }
}
