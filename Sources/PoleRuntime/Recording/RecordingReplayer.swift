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
        guard case .success(let json) = JSONReader.parse(first), let header = RecordingHeader(json: json) else {
            throw Malformed(line: 1, problem: "not a poled recording header (format \(RecordingHeader.formatVersion))")
        }
        return header
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
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true).dropFirst() {
            lineNumber += 1
            guard case .success(let json) = JSONReader.parse(Array(line)), case .object(let fields) = json,
                  let time = fields["t"]?.number
            else { throw Malformed(line: lineNumber, problem: "not a tick line with \"t\"") }
            try apply(fields, to: &inputs, line: lineNumber)
            inputs.monotonicMs = Int64(time)
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

    private static func apply(_ fields: [String: JSONValue], to inputs: inout Inputs, line: Int) throws(Malformed) {
        if let utc = fields["utc"]?.number { inputs.utcSeconds = Int64(utc) }
        if let value = fields["hr"] { inputs.headRed = RecordedValues.lamp(from: value) ?? .dark }
        if let value = fields["hg"] { inputs.headGreen = RecordedValues.lamp(from: value) ?? .dark }
        if let value = fields["frs"] { inputs.floorRedSense = RecordedValues.lamp(from: value) }
        if let value = fields["fgs"] { inputs.floorGreenSense = RecordedValues.lamp(from: value) }
        if let value = fields["p"] {
            guard let levels = value.array?.compactMap(\.number), levels.count == inputs.presence.count else {
                throw Malformed(line: line, problem: "p: expected \(inputs.presence.count) presence levels")
            }
            inputs.presence = levels.map { $0 == 1 }
        }
        if let value = fields["m"] { inputs.motion = RecordedValues.flag(from: value) }
        if let value = fields["pc"] { inputs.photocellDark = RecordedValues.flag(from: value) }
        if let value = fields["lc"] { inputs.lampCurrent = RecordedValues.flag(from: value) }
        if let value = fields["cs"] { inputs.clockSynchronised = RecordedValues.flag(from: value) }
        if let value = fields["lmin"] { inputs.localMinuteOfDay = value.number.map { Int($0) } }
        if let value = fields["ld"] { inputs.localDate = RecordedValues.date(from: value) }
        if let value = fields["lux"] { inputs.lux = RecordedValues.lux(from: value) }
        if let value = fields["pm"] { inputs.particulates = RecordedValues.particulates(from: value) }
        if let value = fields["ls"] {
            guard let record = value.string.flatMap(LatchedRecord.init(rawValue:)) else {
                throw Malformed(line: line, problem: "ls: expected one of \(LatchedRecord.allCases.map(\.name).joined(separator: ", "))")
            }
            inputs.latchedRecord = record
        }
        var commands: [Command] = []
        for value in fields["cmd"]?.array ?? [] {
            guard let command = RecordedValues.command(from: value) else {
                throw Malformed(line: line, problem: "cmd: \(value.serialized) is not a command")
            }
            commands.append(command)
        }
        inputs.commands = commands
    }
}
