import PoleCore
import PoleJSON

/// How the recording format writes and reads the core's values: one place for both directions, so
/// what `InputRecorder` writes `RecordingReplayer` reads back exactly (format: README.md, "Record and
/// replay").
enum RecordedValues {
    static func lamp(_ lamp: Lamp?) -> JSONValue {
        lamp.map { .integer($0 == .lit ? 1 : 0) } ?? .null
    }

    static func lamp(from value: JSONValue) -> Lamp? {
        value.number.map { Lamp(lit: $0 == 1) }
    }

    static func flag(_ flag: Bool?) -> JSONValue {
        flag.map { .integer($0 ? 1 : 0) } ?? .null
    }

    static func flag(from value: JSONValue) -> Bool? {
        value.number.map { $0 == 1 }
    }

    static func lux(_ reading: SensorReading?) -> JSONValue {
        switch reading {
        case .value(let lux)?: .object(["v": .number(lux)])
        case .failed(let error)?: .object(["e": .string(error)])
        case nil: .null
        }
    }

    static func lux(from value: JSONValue) -> SensorReading? {
        if let lux = value["v"]?.number { return .value(lux) }
        if let error = value["e"]?.string { return .failed(error) }
        return nil
    }

    static func particulates(_ reading: ParticulateReading?) -> JSONValue {
        switch reading {
        case .sample(let pm1, let pm2_5, let pm10, let atMs)?:
            .object(["pm1": .number(pm1), "pm2_5": .number(pm2_5), "pm10": .number(pm10), "at": .integer(atMs)])
        case .failed(let error)?: .object(["e": .string(error)])
        case nil: .null
        }
    }

    static func particulates(from value: JSONValue) -> ParticulateReading? {
        if let pm1 = value["pm1"]?.number, let pm2_5 = value["pm2_5"]?.number, let pm10 = value["pm10"]?.number,
           let at = value["at"]?.number {
            return .sample(pm1: pm1, pm2_5: pm2_5, pm10: pm10, atMs: Int64(at))
        }
        if let error = value["e"]?.string { return .failed(error) }
        return nil
    }

    static func date(_ date: LocalDate?) -> JSONValue {
        date.map { .array([.integer($0.month), .integer($0.day), .integer($0.weekday)]) } ?? .null
    }

    static func date(from value: JSONValue) -> LocalDate? {
        guard let parts = value.array?.compactMap(\.number), parts.count == 3 else { return nil }
        return LocalDate(month: Int(parts[0]), day: Int(parts[1]), weekday: Int(parts[2]))
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

    static func command(from value: JSONValue) -> Command? {
        guard let by = value["by"]?.string else { return nil }
        if let clear = value["clear"] {
            let faults: [Fault]? = clear.string == "all" ? nil : clear.array?.compactMap { $0.string.flatMap(Fault.init(rawValue:)) }
            return .clearFaults(faults, by: by, reason: value["reason"]?.string ?? "")
        }
        if let on = value["maintenance"]?.bool, let durationMs = value["for"]?.number {
            return .maintenance(on: on, durationMs: Int64(durationMs), by: by, reason: value["reason"]?.string)
        }
        if let name = value["test"]?.string, let target = TestTarget(name: name), let durationMs = value["for"]?.number {
            return .test(target, durationMs: Int64(durationMs), by: by)
        }
        return nil
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
