import Foundation
import PoleConfig
import PoleJSON
import PoleRuntime
import PoleSim
import Testing

/// Recordings with values the recorder never writes — 1e300 where a time belongs, −2⁶³ seconds,
/// month 13, a string for a lamp — are rejected with their line and field (`poled replay` exits 65),
/// never replayed into a trap.
@Suite struct HostileRecordingTests {
    /// Two simulated seconds, every input set on the first tick: the recording each case damages.
    private static func recording() throws -> [String] {
        let scenario = try Repository.scenario(json: """
            { "start": "2026-11-25T18:00:00+09:00", "duration": "2s",
              "steps": [ { "at": "0s", "head": "red" }, { "at": "0s", "pm": { "pm2_5": 40.0, "pm10": 100.0 } },
                         { "at": "0s", "lux": 3.0 }, { "at": "1s", "command": { "faults_clear": "all" } } ] }
            """)
        let sink = LineSink()
        _ = try SimulationRunner.run(configuration: try Repository.configuration(), scenario: scenario, trace: nil, record: sink)
        return sink.lines
    }

    /// The recording with `field` of line `line` (1-based) set to the JSON `value`.
    private static func damaged(_ lines: [String], line: Int, field: String, value: String) throws -> [UInt8] {
        var lines = lines
        guard case .object(var fields) = try JSONReader.parse(Array(lines[line - 1].utf8)).get() else { throw Failure() }
        fields[field] = try JSONReader.parse(Array(value.utf8)).get()
        lines[line - 1] = JSONValue.object(fields).serialized
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    private struct Failure: Error {}

    /// Line, field set, value, and the start of the problem the replayer must name.
    static let cases: [(Int, String, String, String)] = [
        (1, "tick_ms", "1e300", "tick_ms: expected whole ms 5…100, found 1e+300"),
        (1, "tick_ms", "0", "tick_ms: expected whole ms 5…100, found 0"),
        (1, "lamp_counters", #"{"switch_ons": 1e300, "burning_ms": 0}"#, "lamp_counters.switch_ons: expected whole switch-ons"),
        (1, "lamp_counters", #"{"switch_ons": 0, "burning_ms": -1}"#, "lamp_counters.burning_ms: expected whole ms"),
        (1, "latched", #"["conflict", "nope"]"#, #"latched[1]: "nope" is not a fault"#),
        (2, "utc", "1e300", "utc: expected whole seconds -9007199254740992…9007199254740992, found 1e+300"),
        (2, "utc", "-9223372036854775808", "utc: expected whole seconds"),
        (2, "utc", "1.5", "utc: expected whole seconds"),
        (2, "utc", #""2026-11-25""#, #"utc: expected whole seconds -9007199254740992…9007199254740992, found "2026-11-25""#),
        (2, "t", "1e300", "t: expected whole ms 0…9007199254740992, found 1e+300"),
        (2, "t", "-20", "t: expected whole ms"),
        (3, "t", "0.5", "t: expected whole ms"),
        (4, "t", "0", "t: 0 is before the previous tick's 20; ticks are in time order"),
        (2, "lmin", "1e300", "lmin: expected whole minutes of the day 0…1439, found 1e+300"),
        (2, "lmin", "1440", "lmin: expected whole minutes of the day 0…1439"),
        (2, "ld", "[13, 25, 3]", "ld[0]: expected whole month 1…12, found 13"),
        (2, "ld", "[11, 99, 3]", "ld[1]: expected whole day of the month 1…31, found 99"),
        (2, "ld", "[11, 25, -1]", "ld[2]: expected whole weekday (0 Sunday) 0…6, found -1"),
        (2, "ld", "[11, 25]", "ld: expected [month, day, weekday] or null"),
        (2, "hr", "2", "hr: expected 0, 1 or null, found 2"),
        (2, "cs", "true", "cs: expected 0, 1 or null, found true"),
        (2, "p", "[1, 0]", "p: expected 3 presence levels"),
        (2, "p", "[1, 0, null]", "p[2]: expected 0 or 1, found null"),
        (2, "lux", #"{"v": "dark"}"#, "lux: expected"),
        (2, "pm", #"{"pm1": 1, "pm2_5": 1, "pm10": 1, "at": 1e300}"#, "pm.at: expected whole ms"),
        (2, "pm", #"{"pm1": 1, "pm2_5": "x", "pm10": 1, "at": 0}"#, "pm.pm2_5: expected µg/m³"),
        (2, "ls", #""lost""#, "ls: expected one of saved, saving, unsaved"),
        (2, "cmd", #"[{"by": "1000", "maintenance": true, "for": 1e300, "reason": null}]"#, "cmd[0].for: expected whole ms"),
        (2, "cmd", #"[{"by": "1000", "maintenance": true, "for": -5000, "reason": null}]"#, "cmd[0].for: expected whole ms"),
        (2, "cmd", #"[{"by": "1000", "clear": ["nope"], "reason": ""}]"#, #"cmd[0].clear[0]: "nope" is not a fault"#),
        (2, "cmd", #"[{"by": "1000", "test": "floor_blue", "for": 1000}]"#, #"cmd[0].test: "floor_blue" is not an output to test"#),
        (2, "o", "1", "o: expected an object of outputs"),
        (2, "zz", "1", "zz: not a field of a tick line"),
    ]

    @Test(arguments: cases)
    func anOutOfRangeOrMistypedValueIsNamedWithItsLineAndField(line: Int, field: String, value: String, problem: String) throws {
        let bytes = try Self.damaged(try Self.recording(), line: line, field: field, value: value)
        let settings = try Repository.configuration().poleSettings
        let malformed = #expect(throws: RecordingReplayer.Malformed.self) { try RecordingReplayer.replay(bytes, settings: settings) }
        #expect(malformed?.line == line)
        #expect(malformed?.problem.hasPrefix(problem) == true, "\(malformed?.problem ?? "no error")")
    }

    @Test func theRecordingItselfReplaysCleanly() throws {
        let lines = try Self.recording()
        let report = try RecordingReplayer.replay(Array((lines.joined(separator: "\n") + "\n").utf8), settings: try Repository.configuration().poleSettings)
        #expect(report.divergence == nil)
        #expect(report.ticks == lines.count - 1)
    }

    /// An empty line is skipped but counted, so the line named is the line in the file.
    @Test func lineNumbersCountEmptyLines() throws {
        var lines = try Self.recording()
        lines.insert("", at: 2)
        let bytes = try Self.damaged(lines, line: 5, field: "utc", value: "1e300")
        let malformed = #expect(throws: RecordingReplayer.Malformed.self) {
            try RecordingReplayer.replay(bytes, settings: try Repository.configuration().poleSettings)
        }
        #expect(malformed?.line == 5)
    }

    /// `poled replay` end to end: exit 65 and the line and field on standard error, not a signal.
    @Test(.tags(.slow), .notInFastSet, arguments: [(2, "utc", "1e300"), (2, "utc", "-9223372036854775808"), (2, "ld", "[13, 99, 3]"), (1, "tick_ms", "1e300"), (2, "lmin", "1e300")])
    func poledReplayExits65NamingTheLineAndField(line: Int, field: String, value: String) throws {
        let path = NSTemporaryDirectory() + "poled-hostile-\(UUID().uuidString.prefix(8)).rec"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(try Self.damaged(try Self.recording(), line: line, field: field, value: value)).write(to: URL(fileURLWithPath: path))
        let result = RunningDaemon.run(RunningDaemon.buildDirectory + "/poled", ["replay", path])
        #expect(result.status == 65, "\(result.err)")
        let fieldName = field == "ld" ? "ld[0]" : field
        #expect(result.err.contains("\(path): line \(line): \(fieldName): expected whole"), "\(result.err)")
    }
}
