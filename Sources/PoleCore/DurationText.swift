/// Durations as people write them in config files, scenarios and on the command line.
///
/// Exists so every file and flag spells time the same way: one or more `<integer><unit>` pairs with
/// units `ms`, `s`, `m`, `h`, `d` in falling order, e.g. `"500ms"`, `"30s"`, `"1h30m"`, `"90d"`. Fractions and
/// negative values are not durations. Values are whole milliseconds.
public enum DurationText {
    /// Why a text is not a duration, worded to follow "expected a duration like \"30s\"".
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case empty
        case missingUnit
        case unknownUnit(String)
        case unitOutOfOrder(String)
        case unexpectedCharacter(Character)
        case tooLarge

        public var description: String {
            switch self {
            case .empty: "is empty; expected a duration like \"500ms\", \"30s\", \"10m\" or \"2h\""
            case .missingUnit: "has a number without a unit; expected ms, s, m, h or d after it, e.g. \"30s\""
            case .unknownUnit(let unit): "has unknown unit \"\(unit)\"; expected ms, s, m, h or d"
            case .unitOutOfOrder(let unit): "repeats or misorders unit \"\(unit)\"; write larger units first, e.g. \"1h30m\""
            case .unexpectedCharacter(let c): "has \"\(c)\" where a whole number was expected (no signs, fractions or spaces)"
            case .tooLarge: "is too large"
            }
        }
    }

    private static let units: [(name: String, milliseconds: Int64)] = [
        ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1),
    ]

    /// Parses `text` into whole milliseconds.
    public static func milliseconds(_ text: String) -> Result<Int64, Problem> {
        let scalars = Array(text.unicodeScalars)
        if scalars.isEmpty { return .failure(.empty) }
        var total: Int64 = 0
        var index = 0
        var lastUnitRank = -1
        while index < scalars.count {
            var number: Int64 = 0
            let numberStart = index
            while index < scalars.count, let digit = digitValue(scalars[index]) {
                let (times, overflowA) = number.multipliedReportingOverflow(by: 10)
                let (plus, overflowB) = times.addingReportingOverflow(digit)
                if overflowA || overflowB { return .failure(.tooLarge) }
                number = plus
                index += 1
            }
            if index == numberStart { return .failure(.unexpectedCharacter(Character(scalars[index]))) }
            let unitStart = index
            while index < scalars.count, digitValue(scalars[index]) == nil, isLetter(scalars[index]) {
                index += 1
            }
            if unitStart == index {
                return index == scalars.count
                    ? .failure(.missingUnit) : .failure(.unexpectedCharacter(Character(scalars[index])))
            }
            let unit = String(String.UnicodeScalarView(scalars[unitStart..<index]))
            guard let rank = units.firstIndex(where: { $0.name == unit }) else { return .failure(.unknownUnit(unit)) }
            if rank <= lastUnitRank { return .failure(.unitOutOfOrder(unit)) }
            lastUnitRank = rank
            let (part, overflowA) = number.multipliedReportingOverflow(by: units[rank].milliseconds)
            let (sum, overflowB) = total.addingReportingOverflow(part)
            if overflowA || overflowB { return .failure(.tooLarge) }
            total = sum
        }
        return .success(total)
    }

    /// An exact spelling of `milliseconds` that reads naturally: one unit when one divides it
    /// (`"20ms"`, `"6s"`, `"2h"`), plain ms below a minute (`"1499ms"`), else larger units first
    /// (`"1m30s"`). A negative value, which no file can hold but a recorded command may carry, is
    /// its magnitude after a minus sign (`"-5s"`), so a message can quote it.
    public static func format(milliseconds: Int64) -> String {
        let text = format(magnitude: milliseconds.magnitude)
        return milliseconds < 0 ? "-" + text : text
    }

    private static func format(magnitude milliseconds: UInt64) -> String {
        if milliseconds == 0 { return "0s" }
        if let unit = units.first(where: { milliseconds % UInt64($0.milliseconds) == 0 }) {
            return "\(milliseconds / UInt64(unit.milliseconds))\(unit.name)"
        }
        if milliseconds < 60_000 { return "\(milliseconds)ms" }
        var rest = milliseconds
        var text = ""
        for unit in units where rest >= UInt64(unit.milliseconds) {
            text += "\(rest / UInt64(unit.milliseconds))\(unit.name)"
            rest %= UInt64(unit.milliseconds)
        }
        return text
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> Int64? {
        scalar.value >= 48 && scalar.value <= 57 ? Int64(scalar.value - 48) : nil
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 65 && scalar.value <= 90) || (scalar.value >= 97 && scalar.value <= 122)
    }
}
