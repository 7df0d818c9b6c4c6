import Foundation
import Glibc
import PoleJSON
import PoleProtocol
import PoleRuntime
import Testing

/// Protocol v1 stays the same on the wire (issue 21): the exchanges recorded from poled before the
/// protocol had a module of its own (Tests/Protocol/v1, recorded with its record.py from 19e7741) are
/// replayed against today's daemon, and the answers recorded then are read by today's polectl, which
/// must print what polectl printed then, byte for byte, and exit with the same code.
@Suite(.serialized, .tags(.slow), .notInFastSet) struct ProtocolReplayTests {
    private static let folder = Repository.root + "/Tests/Protocol/v1"

    private static func records(_ file: String) throws -> [JSONValue] {
        try String(contentsOfFile: folder + "/" + file, encoding: .utf8).split(separator: "\n").map { line in
            try JSONReader.parse(Array(line.utf8)).get()
        }
    }

    @Test func theRecordedExchangesAreAnsweredAsBefore() throws {
        let daemon = try RunningDaemon(
            scenario: "Tests/Protocol/v1/pole-day.json", site: "[uplink]\nenabled = true\nhost = \"127.0.0.1\"\nport = 1"
        )
        var exchanged = 0
        for step in try Self.records("daemon-exchanges.jsonl") {
            if let condition = step["wait"] {
                guard condition["record_only"] != .bool(true) else { continue }
                let met = daemon.waitForStatus(seconds: 60) { Self.holds(condition, in: $0) }
                try #require(met.map { Self.holds(condition, in: $0) } == true, "waiting for \(condition.serialized): \(daemon.logText)")
                continue
            }
            let name = step["name"]?.string ?? "?"
            let request = step["request"]?.string.map { Array($0.utf8) }
                ?? [UInt8](repeating: UInt8(ascii: "x"), count: Int(step["request_bytes"]?.number ?? 0))
            let connection = try ControlConnection(path: daemon.socket)
            do { try connection.write(request + [0x0A]) } catch {}
            let answer = String(decoding: try connection.readLine(), as: UTF8.self)
            let recorded = step["answer"]?.string ?? ""
            let masks = (step["mask"]?.array ?? []).compactMap(\.string)
            if masks.isEmpty {
                #expect(answer == recorded, "\(name)")
            } else {
                let now = Self.masked(try JSONReader.parse(Array(answer.utf8)).get(), masks)
                let then = Self.masked(try JSONReader.parse(Array(recorded.utf8)).get(), masks)
                #expect(now == then, "\(name): now \(now.serialized)\nthen \(then.serialized)")
            }
            exchanged += 1
        }
        #expect(exchanged == 73)
        #expect(daemon.stop() == 0)
    }

    @Test func theRecordedAnswersReadTheSameThroughPolectl() throws {
        let work = NSTemporaryDirectory() + "poled-replay-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: work) }
        let answers = Dictionary(uniqueKeysWithValues: try Self.records("daemon-exchanges.jsonl").compactMap { step in
            step["name"]?.string.flatMap { name in step["answer"]?.string.map { (name, $0) } }
        })
        let socket = work + "/stand-in.sock"
        let environment = ["PATH": "/usr/bin:/bin", "TZ": "Asia/Seoul", "NO_COLOR": "1", "COLUMNS": "100"]
        var runs = 0
        for run in try Self.records("polectl-outputs.jsonl") {
            let arguments = (run["arguments"]?.array ?? []).compactMap(\.string)
            let daemon = try run["answer"]?.string.map { try StandInDaemon(path: socket, answer: answers[$0] ?? "") }
            let result = Self.polectl(arguments + ["--socket", socket], environment: environment, stopAfter: arguments.first == "watch" && daemon != nil)
            daemon?.stop()
            let shown = "polectl \(arguments.joined(separator: " "))"
            #expect(result.status == Int32(run["status"]?.number ?? -1), "\(shown): \(result.err)")
            #expect(result.out.replacingOccurrences(of: socket, with: "$SOCKET") == run["out"]?.string, "\(shown)")
            #expect(result.err.replacingOccurrences(of: socket, with: "$SOCKET") == run["err"]?.string, "\(shown)")
            runs += 1
        }
        #expect(runs == 62)
    }

    /// Runs polectl; `stopAfter` sends SIGTERM after 1.5 s (for `watch`).
    private static func polectl(_ arguments: [String], environment: [String: String], stopAfter: Bool) -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RunningDaemon.buildDirectory + "/polectl")
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return (-1, "", "\(error)") }
        if stopAfter {
            Thread.sleep(forTimeInterval: 1.5)
            process.terminate()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    /// Whether `status` meets a recorded wait: `path` non-empty (and `after_ms` of uptime), equal to
    /// `equals`, or not null.
    private static func holds(_ condition: JSONValue, in status: JSONValue) -> Bool {
        let value = (condition["path"]?.string ?? "").split(separator: ".").reduce(Optional(status)) { $0?[String($1)] }
        if condition["nonempty"] == .bool(true) {
            return !(value?.array ?? []).isEmpty && (status["daemon"]?["uptime_ms"]?.number ?? 0) >= (condition["after_ms"]?.number ?? 0)
        }
        if let expected = condition["equals"] { return value == expected }
        return value != nil && value != .null
    }

    /// `value` with every path in `masks` (dotted, `*` for any element or key) replaced by a marker
    /// where it is present: those values depend on timing, their presence does not.
    private static func masked(_ value: JSONValue, _ masks: [String]) -> JSONValue {
        masks.reduce(value) { mask($0, Array($1.split(separator: ".").map(String.init))) }
    }

    private static func mask(_ value: JSONValue, _ path: [String]) -> JSONValue {
        guard let head = path.first else { return .string("<masked>") }
        let rest = Array(path.dropFirst())
        switch value {
        case .object(var fields):
            for key in fields.keys where head == "*" || key == head { fields[key] = mask(fields[key] ?? .null, rest) }
            return .object(fields)
        case .array(let items) where head == "*":
            return .array(items.map { mask($0, rest) })
        default:
            return value
        }
    }
}
