import Foundation
import Glibc
import PoleJSON
import PoleProtocol
import PoleRuntime
import Testing

/// poled on the simulated board, driven by a scenario in real time, and every polectl command run
/// against it, human and `--json` (issue: technician CLI and control socket).
@Suite(.serialized, .tags(.slow), .notInFastSet) struct ControlEndToEndTests {
    @Test func aTechnicianVisitFromFaultToClearToMaintenanceTests() throws {
        let daemon = try RunningDaemon(scenario: "Tests/Scenarios/control/technician-visit.json")
        let me = "uid \(getuid()) gid \(getgid())"

        // A floor lamp sensed green under a red head latches a fault: status says so, exit 1.
        let faulty = daemon.waitForStatus(seconds: 15) {
            !($0["faults"]?["latched"]?.array ?? []).isEmpty && ($0["daemon"]?["uptime_ms"]?.number ?? 0) > 9_000
        }
        #expect(faulty?["healthy"] == .bool(false), "\(daemon.logText)")
        let human = daemon.polectl("status")
        #expect(human.status == 1)
        #expect(human.out.contains("latched: ") && human.out.contains("floor-both-lit"), "\(human.out)")
        #expect(human.out.contains("FAULT"))
        #expect(daemon.polectlJSON("status").status == 1)
        #expect(daemon.polectl("faults").status == 1)

        // Cleared with a reason; the audit event names the caller's uid.
        let cleared = daemon.polectl("faults", "clear", "--all", "--reason", "replaced the floor cable")
        #expect(cleared.status == 0, "\(cleared.err)")
        #expect(cleared.out.contains("cleared ") && cleared.out.contains("floor-both-lit"), "\(cleared.out)")
        let events = daemon.polectlJSON("events").json?.array ?? []
        let audit = events.first { $0["name"] == .string("audit") && $0["command"] == .string("faults clear --all") }
        #expect(audit?["by"] == .string(me))
        #expect(audit?["reason"] == .string("replaced the floor cable"))
        #expect(events.contains { $0["name"] == .string("fault.cleared") && $0["by"] == .string(me) })
        #expect(daemon.polectl("events", "--since", "10m").out.contains("audit"))
        let healthy = daemon.polectl("faults")
        #expect(healthy.status == 0)
        #expect(healthy.out.contains("none"))

        // Once the floor follows a green head again: a test outside maintenance is refused.
        let green = daemon.waitForStatus(seconds: 20) { $0["crosswalk"]?["floor"] == .string("green") }
        #expect(green?["crosswalk"]?["head"] == .string("green"), "\(daemon.logText)")
        let outside = daemon.polectl("test", "floor_green")
        #expect(outside.status == 75)
        #expect(outside.err.contains("needs maintenance"), "\(outside.err)")

        // In maintenance, under the green head, floor_green lights for its time and is restored.
        let maintenance = daemon.polectl("maintenance", "on", "--for", "5m", "--reason", "floor test")
        #expect(maintenance.status == 0, "\(maintenance.err)")
        #expect(daemon.polectlJSON("status").json?["crosswalk"]?["floor"] == .string("dark"), "maintenance puts the floor dark")
        let test = daemon.polectlJSON("test", "floor_green", "--for", "2s")
        #expect(test.status == 0)
        #expect(test.json?["result"] == .string("done"), "\(String(describing: test.json))")
        #expect(floorGreenLine(daemon) == 1)
        Thread.sleep(forTimeInterval: 2.5)
        #expect(floorGreenLine(daemon) == 0, "the safe value is restored when the test's time is up")
        #expect(daemon.polectlJSON("status").json?["maintenance"]?["test"] == .null)

        // Under a red head, floor_green is refused.
        daemon.waitForStatus(seconds: 20) { $0["crosswalk"]?["head"] == .string("red") }
        let underRed = daemon.polectl("test", "floor_green")
        #expect(underRed.status == 75)
        #expect(underRed.err.contains("only while the head shows green"), "\(underRed.err)")
        #expect(daemon.polectl("test", "heartbeat").status == 64, "the heartbeat is never testable: a usage error")
        #expect(daemon.polectl("test", "head_red").status == 64, "an input role is a usage error")
        #expect(daemon.polectl("test", "no_such_role").status == 64)

        // The other commands, human and JSON.
        let clean = daemon.polectlJSON("sensors", "clean")
        #expect(clean.status == 0)
        var sensors: [JSONValue] = []
        for _ in 0..<25 {
            sensors = daemon.polectlJSON("sensors").json?.array ?? []
            if sensors.last?["cleaning"] == .bool(true) { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(sensors.map { $0["kind"] } == [.string("bh1750"), .string("sps30")])
        #expect(sensors.last?["serial"] == .string("SIM0000000000001"))
        #expect(sensors.last?["firmware"] == .string("2.3"))
        #expect(sensors.last?["cleaning"] == .bool(true), "the fan cleaning starts at the sensor's next poll, within a second")
        #expect(daemon.polectl("sensors").out.contains("sps30"))
        let lines = daemon.polectlJSON("lines").json?.array ?? []
        #expect(lines.contains { $0["role"] == .string("head_red") && $0["direction"] == .string("input") })
        #expect(daemon.polectl("lines").out.contains("FLOOR_GREEN"))
        #expect(daemon.polectlJSON("air").json?["indicator"] != nil)
        #expect(daemon.polectl("air").out.contains("PM2.5"))
        #expect(daemon.polectlJSON("version").json?["daemon"] == .string(PoledVersion.string))
        #expect(daemon.polectl("version").out.contains("poled"))
        #expect(daemon.polectl("maintenance", "off").status == 0)
        #expect(daemon.polectlJSON("status").json?["maintenance"]?["active"] == .bool(false))

        // watch redraws until Ctrl-C and exits 0.
        let watch = Process()
        watch.executableURL = URL(fileURLWithPath: RunningDaemon.buildDirectory + "/polectl")
        watch.arguments = ["watch", "--every", "200ms", "--json", "--socket", daemon.socket]
        let output = Pipe()
        watch.standardOutput = output
        try watch.run()
        Thread.sleep(forTimeInterval: 1)
        watch.interrupt()
        let frames = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        watch.waitUntilExit()
        #expect(watch.terminationStatus == 0)
        #expect(frames.split(separator: "\n").count >= 2)

        #expect(daemon.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.socket), "the socket file goes with the daemon")
        let auditLines = daemon.traceText.split(separator: "\n").filter { $0.contains(#""name":"audit""#) }
        #expect(auditLines.contains { $0.contains(#""command":"faults clear --all","by":"\#(me)""#) }, "the audit reaches the trace")
        #expect(daemon.logText.contains("technician command"), "and the log")
        #expect(RunningDaemon.run(RunningDaemon.buildDirectory + "/polectl", ["status", "--socket", daemon.socket]).status == 69)
    }

    private func floorGreenLine(_ daemon: RunningDaemon) -> Int64? {
        let lines = daemon.polectlJSON("lines").json?.array ?? []
        return lines.first { $0["role"] == .string("floor_green") }?["value"]?.number.map { Int64($0) }
    }
}
