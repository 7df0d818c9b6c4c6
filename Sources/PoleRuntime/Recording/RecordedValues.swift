import PoleCore
import PoleJSON

/// How the recording format writes and reads the core's values: one place for both directions, so
/// what `InputRecorder` writes `RecordingReplayer` reads back exactly (format: docs/formats.md, "Input
/// recording (JSON Lines)").
enum RecordedValues {
    /// Why a recorded value cannot be read: the field's path (`utc`, `ld[0]`, `cmd[1].for`) and what
    /// was expected. The replayer adds the line.
    struct Problem: Error, Sendable, Hashable {
        var path: String
        var message: String

        init(_ path: String, _ message: String) {
            self.path = path
            self.message = message
        }
    }

    /// JSON numbers are doubles: whole numbers are exact up to 2⁵³, so a recording's times, counts
    /// and durations stay within ±2⁵³ (the recorder never writes more; a pole's clock reads far less).
    static let wholeNumberLimit: Int64 = 1 << 53

    /// Times since the start, durations and counters as a recording carries them.
    static let nonNegative: ClosedRange<Int64> = 0...wholeNumberLimit

    static func lamp(_ lamp: Lamp?) -> JSONValue {
        lamp.map { .integer($0 == .lit ? 1 : 0) } ?? .null
    }

    static func lamp(from value: JSONValue, at path: String) throws(Problem) -> Lamp? {
        try flag(from: value, at: path).map { Lamp(lit: $0) }
    }

    static func flag(_ flag: Bool?) -> JSONValue {
        flag.map { .integer($0 ? 1 : 0) } ?? .null
    }

    static func flag(from value: JSONValue, at path: String) throws(Problem) -> Bool? {
        switch value {
        case .null: return nil
        case .number(0): return false
        case .number(1): return true
        default: throw Problem(path, "expected 0, 1 or null, found \(value.quoted)")
        }
    }

    /// A whole number within `range` (whose bounds are within ±2⁵³), of `unit`.
    static func wholeNumber(_ value: JSONValue?, in range: ClosedRange<Int64>, of unit: String, at path: String) throws(Problem) -> Int64 {
        guard case .number(let number)? = value, number == number.rounded(.towardZero),
              number >= Double(range.lowerBound), number <= Double(range.upperBound)
        else { throw Problem(path, "expected whole \(unit) \(range.lowerBound)…\(range.upperBound), found \(value?.quoted ?? "nothing")") }
        return Int64(number)
    }

    static func minute(from value: JSONValue, at path: String) throws(Problem) -> Int? {
        if value == .null { return nil }
        return Int(try wholeNumber(value, in: 0...1_439, of: "minutes of the day", at: path))
    }

    static func lux(_ reading: SensorReading?) -> JSONValue {
        switch reading {
        case .value(let lux)?: .object(["v": .number(lux)])
        case .failed(let error)?: .object(["e": .string(error)])
        case nil: .null
        }
    }

    static func lux(from value: JSONValue, at path: String) throws(Problem) -> SensorReading? {
        switch value {
        case .null:
            return nil
        case .object(let fields) where fields.count == 1:
            if case .number(let lux)? = fields["v"] { return .value(lux) }
            if case .string(let error)? = fields["e"] { return .failed(error) }
        default:
            break
        }
        throw Problem(path, "expected {\"v\": lux}, {\"e\": \"error\"} or null, found \(value.quoted)")
    }

    static func particulates(_ reading: ParticulateReading?) -> JSONValue {
        switch reading {
        case .sample(let pm1, let pm2_5, let pm10, let atMs)?:
            .object(["pm1": .number(pm1), "pm2_5": .number(pm2_5), "pm10": .number(pm10), "at": .integer(atMs)])
        case .failed(let error)?: .object(["e": .string(error)])
        case nil: .null
        }
    }

    /// A sample's concentrations are read as recorded, whatever they are: judging them is the core's.
    static func particulates(from value: JSONValue, at path: String) throws(Problem) -> ParticulateReading? {
        switch value {
        case .null:
            return nil
        case .object(let fields) where fields.count == 1 && fields["e"] != nil:
            guard case .string(let error)? = fields["e"] else { throw Problem("\(path).e", "expected a string, found \(fields["e"]?.quoted ?? "")") }
            return .failed(error)
        case .object(let fields) where Set(fields.keys) == ["pm1", "pm2_5", "pm10", "at"]:
            var values: [Double] = []
            for key in ["pm1", "pm2_5", "pm10"] {
                guard case .number(let number)? = fields[key] else { throw Problem("\(path).\(key)", "expected µg/m³, found \(fields[key]?.quoted ?? "")") }
                values.append(number)
            }
            let atMs = try wholeNumber(fields["at"], in: -wholeNumberLimit...wholeNumberLimit, of: "ms", at: "\(path).at")
            return .sample(pm1: values[0], pm2_5: values[1], pm10: values[2], atMs: atMs)
        default:
            throw Problem(path, "expected {\"pm1\", \"pm2_5\", \"pm10\", \"at\"}, {\"e\": \"error\"} or null, found \(value.quoted)")
        }
    }

    static func date(_ date: LocalDate?) -> JSONValue {
        date.map { .array([.integer($0.month), .integer($0.day), .integer($0.weekday)]) } ?? .null
    }

    static func date(from value: JSONValue, at path: String) throws(Problem) -> LocalDate? {
        if value == .null { return nil }
        guard case .array(let parts) = value, parts.count == 3 else {
            throw Problem(path, "expected [month, day, weekday] or null, found \(value.quoted)")
        }
        let month = try wholeNumber(parts[0], in: 1...12, of: "month", at: "\(path)[0]")
        let day = try wholeNumber(parts[1], in: 1...31, of: "day of the month", at: "\(path)[1]")
        let weekday = try wholeNumber(parts[2], in: 0...6, of: "weekday (0 Sunday)", at: "\(path)[2]")
        guard let date = LocalDate(month: Int(month), day: Int(day), weekday: Int(weekday)) else {
            throw Problem(path, "\(value.serialized) is not a date")
        }
        return date
    }

    static func command(_ command: Command) -> JSONValue {
        switch command {
        case .clearFaults(let faults, let by, let reason):
            .object([
                "clear": faults.map { .array($0.map { .string($0.name) }) } ?? .string("all"), "by": .string(by), "reason": .string(reason),
            ])
        case .maintenance(let on, let durationMs, let by, let reason):
            .object([
                "maintenance": .bool(on), "for": .integer(durationMs), "by": .string(by), "reason": reason.map(JSONValue.string) ?? .null,
            ])
        case .test(let target, let durationMs, let by):
            .object(["test": .string(target.name), "for": .integer(durationMs), "by": .string(by)])
        }
    }

    static func command(from value: JSONValue, at path: String) throws(Problem) -> Command {
        guard case .object(let fields) = value, case .string(let by)? = fields["by"] else {
            throw Problem(path, "expected a command with \"by\" and one of clear, maintenance or test, found \(value.serialized)")
        }
        if let clear = fields["clear"] {
            try only(fields, ["by", "clear", "reason"], at: path)
            guard case .string(let reason)? = fields["reason"] else { throw Problem("\(path).reason", "expected a string") }
            if clear == .string("all") { return .clearFaults(nil, by: by, reason: reason) }
            guard case .array(let names) = clear else { throw Problem("\(path).clear", "expected \"all\" or fault names, found \(clear.quoted)") }
            var faults: [Fault] = []
            for (index, name) in names.enumerated() {
                guard let fault = name.string.flatMap(Fault.init(rawValue:)) else {
                    throw Problem("\(path).clear[\(index)]", "\(name.quoted) is not a fault")
                }
                faults.append(fault)
            }
            return .clearFaults(faults, by: by, reason: reason)
        }
        if let on = fields["maintenance"] {
            try only(fields, ["by", "maintenance", "for", "reason"], at: path)
            guard case .bool(let on) = on else { throw Problem("\(path).maintenance", "expected true or false, found \(on.quoted)") }
            let reason: String?
            switch fields["reason"] {
            case .string(let text)?: reason = text
            case .null?, nil: reason = nil
            case let other?: throw Problem("\(path).reason", "expected a string or null, found \(other.quoted)")
            }
            let durationMs = try wholeNumber(fields["for"], in: nonNegative, of: "ms", at: "\(path).for")
            return .maintenance(on: on, durationMs: durationMs, by: by, reason: reason)
        }
        if let name = fields["test"] {
            try only(fields, ["by", "test", "for"], at: path)
            guard let target = name.string.flatMap(TestTarget.init(name:)) else { throw Problem("\(path).test", "\(name.quoted) is not an output to test") }
            return .test(target, durationMs: try wholeNumber(fields["for"], in: nonNegative, of: "ms", at: "\(path).for"), by: by)
        }
        throw Problem(path, "expected one of clear, maintenance or test, found \(value.serialized)")
    }

    /// Fails on the first key (in name order) outside `allowed`.
    static func only(_ fields: [String: JSONValue], _ allowed: Set<String>, at path: String) throws(Problem) {
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw Problem(path.isEmpty ? unknown : "\(path).\(unknown)", "not a field here; expected \(allowed.sorted().joined(separator: ", "))")
        }
    }

    /// The outputs as named values, for writing what changed and comparing on replay.
    static func outputs(_ outputs: Outputs) -> [(String, JSONValue)] {
        [
            ("floor", .string(outputs.floor.name)), ("floor_level", .integer(outputs.floorLevelPercent)),
            ("beacon", .string(outputs.beacon.name)), ("beacon_lamp", .string(outputs.beaconLamp.name)),
            ("voice", .string(outputs.voice.name)), ("voice_night", .string(outputs.voiceNightVolume.name)),
            ("spotlight", .integer(outputs.spotlightPercent)), ("lamp", .integer(outputs.lampPercent)),
            ("air", .string(outputs.air.name)), ("mist", .string(outputs.mist.name)),
        ]
    }
}
