import PoleJSON
import PoleCore

/// Parses and validates scenario JSON (docs/formats.md, "Scenario (JSON)"), collecting every problem
/// with its field path.
public enum ScenarioParser {
    /// The largest scenario: a year of street life.
    public static let durationMsMax: Int64 = 366 * 86_400_000

    /// Parses the bytes of a scenario file named `file` in messages.
    public static func parse(file: String, bytes: [UInt8]) -> Result<Scenario, ScenarioError> {
        switch JSONReader.parse(bytes) {
        case .failure(let error):
            return .failure(ScenarioError(file: file, problems: [.init(field: "", message: "not valid JSON: \(error)")]))
        case .success(let json):
            var reader = ScenarioReader()
            let scenario = reader.scenario(json)
            if reader.problems.isEmpty, let scenario { return .success(scenario) }
            return .failure(ScenarioError(file: file, problems: reader.problems))
        }
    }
}

/// Walks one scenario document, recording problems instead of stopping at the first.
private struct ScenarioReader {
    var problems: [ScenarioError.Problem] = []

    mutating func fail(_ field: String, _ message: String) {
        problems.append(.init(field: field, message: message))
    }

    mutating func scenario(_ json: JSONValue) -> Scenario? {
        guard case .object(let top) = json else {
            fail("", "expected a JSON object with start, duration and steps, found \(json.typeName)")
            return nil
        }
        checkKeys(top, allowed: ["start", "duration", "seed", "steps", "description"], at: "")
        let startSeconds = required(top, "start", at: "", as: "an RFC 3339 time such as \"2026-11-25T18:00:00+09:00\"")
            .flatMap { utc($0, at: "start") }
        let durationMs = required(top, "duration", at: "", as: "a duration such as \"10m\"")
            .flatMap { duration($0, at: "duration", range: 1...ScenarioParser.durationMsMax) }
        let seed = top["seed"].flatMap { seedValue($0) } ?? 0
        if let description = top["description"] {
            _ = string(description, at: "description")
        }
        var steps: [Scenario.Step] = []
        switch top["steps"] {
        case .array(let items):
            for (index, item) in items.enumerated() {
                if let parsed = step(item, index: index, durationMs: durationMs) { steps.append(parsed) }
            }
        case .some(let other):
            fail("steps", "expected an array of steps, found \(other.typeName)")
        case .none:
            fail("steps", "missing; expected an array of steps (it may be empty)")
        }
        guard let startSeconds, let durationMs else { return nil }
        return Scenario(startUTCSeconds: startSeconds, durationMs: durationMs, seed: seed, steps: steps)
    }

    private static let stepKinds = [
        "head", "presence", "motion", "lux", "photocell", "pm", "i2c", "lamp_fault", "floor_fault", "utc", "command",
    ]

    mutating func step(_ json: JSONValue, index: Int, durationMs: Int64?) -> Scenario.Step? {
        let at = "steps[\(index)]"
        guard case .object(let fields) = json else {
            fail(at, "expected an object like {\"at\": \"30s\", \"head\": \"green\"}, found \(json.typeName)")
            return nil
        }
        checkKeys(fields, allowed: ["at", "flash_period"] + Self.stepKinds, at: at)
        let time = required(fields, "at", at: at, as: "a duration from the start such as \"30s\"")
            .flatMap { duration($0, at: "\(at).at", range: 0...ScenarioParser.durationMsMax) }
        if let time, let durationMs, time > durationMs {
            fail("\(at).at", "\(DurationText.format(milliseconds: time)) is after the scenario's end (duration \(DurationText.format(milliseconds: durationMs)))")
        }
        let kinds = Self.stepKinds.filter { fields[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first, let value = fields[kind] else {
            let list = Self.stepKinds.joined(separator: ", ")
            fail(at, kinds.isEmpty ? "has no action; expected one of \(list)" : "has \(kinds.joined(separator: " and ")); one action per step")
            return nil
        }
        if fields["flash_period"] != nil, !(kind == "head" && value == .string("flashing-green")) {
            fail("\(at).flash_period", "only goes with \"head\": \"flashing-green\"")
        }
        guard let action = action(kind, value, step: fields, at: at), let time else { return nil }
        return Scenario.Step(atMs: time, action: action, index: index)
    }

    mutating func action(_ kind: String, _ value: JSONValue, step: [String: JSONValue], at: String) -> StreetAction? {
        let field = "\(at).\(kind)"
        switch kind {
        case "head": return head(value, flashPeriod: step["flash_period"], at: field)
        case "presence": return presence(value, at: field)
        case "motion": return bool(value, at: field).map(StreetAction.motion)
        case "photocell": return bool(value, at: field).map(StreetAction.photocell)
        case "lux": return number(value, at: field, range: 0...200_000).map(StreetAction.lux)
        case "pm": return particulates(value, at: field)
        case "i2c": return i2c(value, at: field)
        case "lamp_fault": return choice(value, at: field, LampFault.allCases.map { ($0.rawValue, $0) }).map(StreetAction.lampFault)
        case "floor_fault": return choice(value, at: field, FloorFault.allCases.map { ($0.rawValue, $0) }).map(StreetAction.floorFault)
        case "utc": return utc(value, at: field).map { StreetAction.setUTC(seconds: $0) }
        default: return command(value, at: field)
        }
    }

    mutating func head(_ value: JSONValue, flashPeriod: JSONValue?, at field: String) -> StreetAction? {
        var period: Int64 = 1_000
        if let flashPeriod {
            guard let parsed = duration(flashPeriod, at: field.replacingLastComponent(with: "flash_period"), range: 200...4_000)
            else { return nil }
            period = parsed
        }
        let aspects: [(String, HeadAspect)] = [
            ("red", .red), ("green", .green), ("flashing-green", .flashingGreen(periodMs: period)),
            ("dark", .dark), ("red+green", .redAndGreen),
        ]
        return choice(value, at: field, aspects).map(StreetAction.head)
    }

    mutating func presence(_ value: JSONValue, at field: String) -> StreetAction? {
        guard let fields = object(value, at: field, shape: "{\"zone\": \"a\", \"value\": true}") else { return nil }
        checkKeys(fields, allowed: ["zone", "value"], at: field)
        let zone = required(fields, "zone", at: field, as: "a zone name such as \"a\"").flatMap { string($0, at: "\(field).zone") }
        let present = required(fields, "value", at: field, as: "true or false").flatMap { bool($0, at: "\(field).value") }
        guard let zone, let present else { return nil }
        return .presence(zone: zone, present: present)
    }

    mutating func particulates(_ value: JSONValue, at field: String) -> StreetAction? {
        guard let fields = object(value, at: field, shape: "{\"pm2_5\": 40.0, \"pm10\": 100.0}") else { return nil }
        checkKeys(fields, allowed: ["pm2_5", "pm10"], at: field)
        let fine = required(fields, "pm2_5", at: field, as: "µg/m³").flatMap { number($0, at: "\(field).pm2_5", range: 0...1_000) }
        let coarse = required(fields, "pm10", at: field, as: "µg/m³").flatMap { number($0, at: "\(field).pm10", range: 0...1_000) }
        guard let fine, let coarse else { return nil }
        if coarse < fine { fail("\(field).pm10", "\(coarse) is below pm2_5 \(fine); PM10 includes PM2.5") }
        return .particulates(pm2_5: fine, pm10: coarse)
    }

    mutating func i2c(_ value: JSONValue, at field: String) -> StreetAction? {
        let shape = "{\"device\": \"pm\", \"fault\": \"nack\", \"for\": \"3s\"} or {\"device\": \"pm\", \"frame\": \"<hex>\"}"
        guard let fields = object(value, at: field, shape: shape) else { return nil }
        checkKeys(fields, allowed: ["device", "fault", "for", "frame"], at: field)
        let device = required(fields, "device", at: field, as: "\"pm\" or \"lux\"")
            .flatMap { choice($0, at: "\(field).device", [("pm", "pm"), ("lux", "lux")]) }
        switch (fields["fault"], fields["frame"]) {
        case (.some(let faultValue), .none):
            let faults = I2CFault.allCases.map { ($0.rawValue, Optional($0)) } + [("none", nil)]
            let fault = choice(faultValue, at: "\(field).fault", faults)
            let lasting = fields["for"].flatMap { duration($0, at: "\(field).for", range: 1...ScenarioParser.durationMsMax) }
            guard let device, let fault else { return nil }
            guard let fault else { return .i2cFaultCleared(device: device) }
            return .i2cFault(device: device, fault: fault, durationMs: lasting)
        case (.none, .some(let frameValue)):
            if fields["for"] != nil { fail("\(field).for", "only goes with fault") }
            let bytes = string(frameValue, at: "\(field).frame").flatMap { hexBytes($0, at: "\(field).frame") }
            guard let device, let bytes else { return nil }
            return .i2cFrame(device: device, bytes: bytes)
        default:
            fail(field, "expected exactly one of fault or frame")
            return nil
        }
    }

    mutating func command(_ value: JSONValue, at field: String) -> StreetAction? {
        guard let fields = object(value, at: field, shape: "{\"faults_clear\": \"all\"}") else { return nil }
        checkKeys(fields, allowed: ["faults_clear"], at: field)
        let step = field.dropLast(".command".count)
        switch fields["faults_clear"] {
        case .string("all"): return .command(.clearFaults(nil, by: "scenario", reason: String(step)))
        case .array(let items):
            let known = Fault.allCases.map { ($0.name, $0) }
            let faults = items.enumerated().compactMap { choice($1, at: "\(field).faults_clear[\($0)]", known) }
            guard faults.count == items.count else { return nil }
            return .command(.clearFaults(faults, by: "scenario", reason: String(step)))
        case .some(let other):
            fail("\(field).faults_clear", "expected \"all\" or an array of fault names, found \(other.quoted)")
        case .none:
            fail(field, "missing faults_clear; the only scenario command is {\"faults_clear\": \"all\" | [names]}")
        }
        return nil
    }

    // MARK: typed field readers

    mutating func checkKeys(_ fields: [String: JSONValue], allowed: [String], at path: String) {
        for key in fields.keys.sorted() where !allowed.contains(key) {
            fail(path.isEmpty ? key : "\(path).\(key)", "unknown field; expected one of \(allowed.joined(separator: ", "))")
        }
    }

    mutating func required(_ fields: [String: JSONValue], _ key: String, at path: String, as expected: String) -> JSONValue? {
        if let value = fields[key] { return value }
        fail(path.isEmpty ? key : "\(path).\(key)", "missing; expected \(expected)")
        return nil
    }

    mutating func object(_ value: JSONValue, at field: String, shape: String) -> [String: JSONValue]? {
        if case .object(let fields) = value { return fields }
        fail(field, "expected an object like \(shape), found \(value.quoted)")
        return nil
    }

    mutating func string(_ value: JSONValue, at field: String) -> String? {
        if case .string(let text) = value { return text }
        fail(field, "expected a string, found \(value.typeName) \(value.quoted)")
        return nil
    }

    mutating func bool(_ value: JSONValue, at field: String) -> Bool? {
        if case .bool(let flag) = value { return flag }
        fail(field, "expected true or false, found \(value.typeName) \(value.quoted)")
        return nil
    }

    mutating func number(_ value: JSONValue, at field: String, range: ClosedRange<Double>) -> Double? {
        guard case .number(let number) = value else {
            fail(field, "expected a number, found \(value.typeName) \(value.quoted)")
            return nil
        }
        guard range.contains(number) else {
            fail(field, "\(value.quoted) is out of range; expected \(JSONValue.number(range.lowerBound).quoted)…\(JSONValue.number(range.upperBound).quoted)")
            return nil
        }
        return number
    }

    mutating func choice<Choice>(_ value: JSONValue, at field: String, _ choices: [(String, Choice)]) -> Choice? {
        guard let text = string(value, at: field) else { return nil }
        if let match = choices.first(where: { $0.0 == text }) { return match.1 }
        fail(field, "\"\(text)\" is not one of \(choices.map(\.0).joined(separator: ", "))")
        return nil
    }

    mutating func duration(_ value: JSONValue, at field: String, range: ClosedRange<Int64>) -> Int64? {
        guard let text = string(value, at: field) else { return nil }
        switch DurationText.milliseconds(text) {
        case .failure(let problem):
            fail(field, "\"\(text)\" \(problem)")
            return nil
        case .success(let milliseconds):
            guard range.contains(milliseconds) else {
                fail(field, "\"\(text)\" is out of range; expected \(DurationText.format(milliseconds: range.lowerBound))…\(DurationText.format(milliseconds: range.upperBound))")
                return nil
            }
            return milliseconds
        }
    }

    mutating func utc(_ value: JSONValue, at field: String) -> Int64? {
        guard let text = string(value, at: field) else { return nil }
        if let seconds = RFC3339.unixSeconds(text) { return seconds }
        fail(field, "\"\(text)\" is not an RFC 3339 time; expected e.g. \"2026-11-25T18:00:00+09:00\"")
        return nil
    }

    mutating func seedValue(_ value: JSONValue) -> UInt64? {
        guard case .number(let number) = value, number >= 0, number <= 9_007_199_254_740_992, number == number.rounded() else {
            fail("seed", "expected a whole number 0…2^53, found \(value.quoted)")
            return nil
        }
        return UInt64(number)
    }

    mutating func hexBytes(_ text: String, at field: String) -> [UInt8]? {
        let digits = Array(text.unicodeScalars.filter { $0 != " " })
        guard !digits.isEmpty, digits.count % 2 == 0, digits.count <= 512 else {
            fail(field, "expected 1–256 bytes as hex pairs such as \"42 4D 00 1C\", found \(digits.count) hex digits")
            return nil
        }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(String.UnicodeScalarView(digits[index...index + 1])), radix: 16) else {
                fail(field, "\"\(digits[index])\(digits[index + 1])\" is not a hex byte")
                return nil
            }
            bytes.append(byte)
        }
        return bytes
    }
}

extension String {
    fileprivate func replacingLastComponent(with name: String) -> String {
        guard let dot = lastIndex(of: ".") else { return name }
        return String(self[...dot]) + name
    }
}
