public import PoleCore
import PoleJSON

/// Re-runs the core on a recorded input stream and finds the first tick whose outputs differ from
/// the recorded ones (`poled replay`).
///
/// Exists to make "deterministic" checkable: the same configuration must give zero divergence; a
/// changed setting shows exactly where it first matters.
public enum RecordingReplayer {
    /// The first output that differs.
    public struct Divergence: Sendable, Hashable, CustomStringConvertible {
        /// 1-based tick number.
        public var tick: Int
        public var atMs: Int64
        public var output: String
        public var recorded: String
        public var replayed: String

        public var description: String {
            "first divergence at tick \(tick) (t = \(atMs) ms): \(output) recorded \(recorded), replayed \(replayed)"
        }
    }

    /// What a replay found.
    public struct Report: Sendable, Hashable {
        public var ticks: Int
        public var lastMs: Int64
        public var divergence: Divergence?
    }

    /// A recording that cannot be read, with the line.
    public struct Malformed: Error, Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var problem: String

        public var description: String { "line \(line): \(problem)" }
    }

    /// The recording's header (its first line).
    public static func header(of bytes: [UInt8]) throws(Malformed) -> RecordingHeader {
        let first = bytes.firstIndex(of: 0x0A).map { Array(bytes[..<$0]) } ?? bytes
        guard case .success(.object(let fields)) = JSONReader.parse(first), fields["poled_recording"] == .integer(RecordingHeader.formatVersion) else {
            throw Malformed(line: 1, problem: "not a poled recording header (format \(RecordingHeader.formatVersion))")
        }
        do throws(RecordedValues.Problem) {
            return try RecordingHeader(fields: fields)
        } catch {
            throw Malformed(line: 1, problem: "\(error.path): \(error.message)")
        }
    }

    /// Replays `bytes` (a whole recording) with `settings`, which must have the recording's zones.
    public static func replay(_ bytes: [UInt8], settings: PoleSettings) throws(Malformed) -> Report {
        let header = try header(of: bytes)
        guard settings.presenceZones == header.zones else {
            throw Malformed(line: 1, problem: "the recording's presence zones \(header.zones) differ from the board's \(settings.presenceZones)")
        }
        var pole = Pole(settings: settings, latchedFaults: header.latched, lampCounters: header.lampCounters)
        var inputs = Inputs(monotonicMs: 0, utcSeconds: 0, presence: Array(repeating: false, count: header.zones.count))
        var recorded: [String: JSONValue] = [:]
        var events: [Event] = []
        var report = Report(ticks: 0, lastMs: 0, divergence: nil)
        var lineNumber = 1
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropFirst() {
            lineNumber += 1
            if line.isEmpty { continue }
            guard case .success(let json) = JSONReader.parse(Array(line)), case .object(let fields) = json else {
                throw Malformed(line: lineNumber, problem: "not a tick line: expected a JSON object with \"t\"")
            }
            do throws(RecordedValues.Problem) {
                try apply(fields, to: &inputs, previousMs: report.ticks == 0 ? nil : report.lastMs)
            } catch {
                throw Malformed(line: lineNumber, problem: "\(error.path): \(error.message)")
            }
            if case .object(let changed)? = fields["o"] { recorded.merge(changed) { $1 } }
            events.removeAll(keepingCapacity: true)
            let outputs = pole.step(inputs, events: &events)
            report.ticks += 1
            report.lastMs = inputs.monotonicMs
            for (name, value) in RecordedValues.outputs(outputs) where recorded[name] != value {
                report.divergence = Divergence(
                    tick: report.ticks, atMs: inputs.monotonicMs, output: name,
                    recorded: recorded[name]?.serialized ?? "nothing", replayed: value.serialized
                )
                return report
            }
        }
        return report
    }

    /// The fields of a tick line, in the order the format lists them.
    private static let tickFields: Set<String> = [
        "t", "utc", "hr", "hg", "frs", "fgs", "p", "m", "pc", "lc", "cs", "lmin", "ld", "lux", "pm", "ls", "cmd", "o",
    ]

    /// Applies one tick line to `inputs`. Every field is checked before the core sees it, the problem
    /// naming the field (`utc`, `ld[0]`, `cmd[1].for`).
    private static func apply(_ fields: [String: JSONValue], to inputs: inout Inputs, previousMs: Int64?) throws(RecordedValues.Problem) {
        typealias R = RecordedValues
        if let unknown = fields.keys.sorted().first(where: { !tickFields.contains($0) }) {
            throw R.Problem(unknown, "not a field of a tick line")
        }
        guard fields["t"] != nil else { throw R.Problem("t", "missing; every tick line has its time in ms") }
        let timeMs = try R.wholeNumber(fields["t"], in: R.nonNegative, of: "ms", at: "t")
        if let previousMs, timeMs < previousMs {
            throw R.Problem("t", "\(timeMs) is before the previous tick's \(previousMs); ticks are in time order")
        }
        inputs.monotonicMs = timeMs
        if let value = fields["utc"] { inputs.utcSeconds = try R.wholeNumber(value, in: -R.wholeNumberLimit...R.wholeNumberLimit, of: "seconds", at: "utc") }
        if let value = fields["hr"] { inputs.headRed = try R.lamp(from: value, at: "hr") ?? .dark }
        if let value = fields["hg"] { inputs.headGreen = try R.lamp(from: value, at: "hg") ?? .dark }
        if let value = fields["frs"] { inputs.floorRedSense = try R.lamp(from: value, at: "frs") }
        if let value = fields["fgs"] { inputs.floorGreenSense = try R.lamp(from: value, at: "fgs") }
        if let value = fields["p"] { inputs.presence = try presence(value, zones: inputs.presence.count) }
        if let value = fields["m"] { inputs.motion = try R.flag(from: value, at: "m") }
        if let value = fields["pc"] { inputs.photocellDark = try R.flag(from: value, at: "pc") }
        if let value = fields["lc"] { inputs.lampCurrent = try R.flag(from: value, at: "lc") }
        if let value = fields["cs"] { inputs.clockSynchronised = try R.flag(from: value, at: "cs") }
        if let value = fields["lmin"] { inputs.localMinuteOfDay = try R.minute(from: value, at: "lmin") }
        if let value = fields["ld"] { inputs.localDate = try R.date(from: value, at: "ld") }
        if let value = fields["lux"] { inputs.lux = try R.lux(from: value, at: "lux") }
        if let value = fields["pm"] { inputs.particulates = try R.particulates(from: value, at: "pm") }
        if let value = fields["ls"] {
            guard let record = value.string.flatMap(LatchedRecord.init(rawValue:)) else {
                throw R.Problem("ls", "expected one of \(LatchedRecord.allCases.map(\.name).joined(separator: ", ")), found \(value.quoted)")
            }
            inputs.latchedRecord = record
        }
        inputs.commands = try commands(fields["cmd"])
        if let value = fields["o"] {
            guard case .object = value else { throw R.Problem("o", "expected an object of outputs, found \(value.quoted)") }
        }
    }

    private static func presence(_ value: JSONValue, zones: Int) throws(RecordedValues.Problem) -> [Bool] {
        guard case .array(let items) = value, items.count == zones else {
            throw RecordedValues.Problem("p", "expected \(zones) presence levels, found \(value.quoted)")
        }
        var levels: [Bool] = []
        for (index, item) in items.enumerated() {
            guard let present = try RecordedValues.flag(from: item, at: "p[\(index)]") else {
                throw RecordedValues.Problem("p[\(index)]", "expected 0 or 1, found null")
            }
            levels.append(present)
        }
        return levels
    }

    private static func commands(_ value: JSONValue?) throws(RecordedValues.Problem) -> [Command] {
        guard let value else { return [] }
        guard case .array(let items) = value else { throw RecordedValues.Problem("cmd", "expected an array of commands, found \(value.quoted)") }
        var commands: [Command] = []
        for (index, item) in items.enumerated() {
            commands.append(try RecordedValues.command(from: item, at: "cmd[\(index)]"))
        }
        return commands
    }
}
