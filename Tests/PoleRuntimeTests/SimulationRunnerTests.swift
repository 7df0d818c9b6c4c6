import PoleConfig
import PoleRuntime
import PoleSim
import Testing

private enum Fixtures {
    static func headCycle() throws -> Scenario {
        try Repository.scenario(json: """
            { "start": "2026-11-25T18:00:00+09:00", "duration": "40s",
              "steps": [ { "at": "0s", "head": "red" }, { "at": "10s", "head": "green" },
                         { "at": "20s", "head": "flashing-green" }, { "at": "26s", "head": "red" } ] }
            """)
    }
}

@Suite struct SimulationRunnerTests {
    @Test func theFloorFollowsAHeadCycleAndTheTraceSaysSo() throws {
        let sink = LineSink()
        let report = try SimulationRunner.run(configuration: try Repository.configuration(), scenario: try Fixtures.headCycle(), trace: sink)
        let floor = sink.lines.filter { $0.contains("\"name\":\"floor\"") }
        #expect(floor.prefix(4) == [
            #"{"t":0,"type":"output","name":"floor","value":"dark"}"#,
            #"{"t":6000,"type":"output","name":"floor","value":"red"}"#,
            #"{"t":10040,"type":"output","name":"floor","value":"green"}"#,
            #"{"t":20540,"type":"output","name":"floor","value":"dark"}"#,
        ])
        #expect(floor.last == #"{"t":26040,"type":"output","name":"floor","value":"red"}"#)
        let heads = sink.lines.filter { $0.contains("\"type\":\"event\",\"name\":\"head\"") }
        #expect(heads == [
            #"{"t":0,"type":"event","name":"head","value":"red"}"#,
            #"{"t":10040,"type":"event","name":"head","value":"green"}"#,
            #"{"t":21040,"type":"event","name":"head","value":"flashing-green"}"#,
            #"{"t":26040,"type":"event","name":"head","value":"red"}"#,
        ])
        #expect(report.ticks == 2_001)
        #expect(report.violations.isEmpty)
        #expect(report.traceBytes == sink.bytes.count)
    }

    @Test func twoRunsGiveTheSameBytes() throws {
        let configuration = try Repository.configuration()
        let scenario = DemoDay.scenario(seed: 9, startUTCSeconds: 1_764_061_200, durationMs: 600_000, zones: ["a", "b", "crossing"])
        let first = LineSink()
        let second = LineSink()
        _ = try SimulationRunner.run(configuration: configuration, scenario: scenario, trace: first)
        _ = try SimulationRunner.run(configuration: configuration, scenario: scenario, trace: second)
        #expect(!first.bytes.isEmpty)
        #expect(first.bytes == second.bytes)
    }

    @Test func anHourOfDemoStreetKeepsEveryInvariant() throws {
        let scenario = DemoDay.scenario(seed: 3, startUTCSeconds: 1_764_061_200, durationMs: 3_600_000, zones: ["a", "b", "crossing"])
        let report = try SimulationRunner.run(configuration: try Repository.configuration(), scenario: scenario, trace: nil)
        #expect(report.violations.isEmpty)
        #expect(report.ticks == 180_001)
        #expect(report.events > 100)
    }

    @Test func aShortedHeadKeepsTheFloorDark() throws {
        let scenario = try Repository.scenario(json: """
            { "start": "2026-11-25T18:00:00Z", "duration": "20s",
              "steps": [ { "at": "0s", "head": "green" }, { "at": "10s", "head": "red+green" } ] }
            """)
        let sink = LineSink()
        let report = try SimulationRunner.run(configuration: try Repository.configuration(), scenario: scenario, trace: sink)
        #expect(sink.lines.contains(#"{"t":10040,"type":"event","name":"head","value":"implausible"}"#))
        #expect(sink.lines.contains(#"{"t":10040,"type":"output","name":"floor","value":"dark"}"#))
        #expect(sink.lines.last == #"{"t":10340,"type":"event","name":"fault.raised","fault":"head-implausible"}"#)
        #expect(report.violations.isEmpty)
    }

    @Test func aBoardNamingALineTheSimulatorLacksFailsAsHardware() throws {
        var configuration = try Repository.configuration()
        configuration.board.lines[0].line = "NO_SUCH_LINE"
        #expect {
            try SimulationRunner.run(configuration: configuration, scenario: try Fixtures.headCycle(), trace: nil)
        } throws: { error in
            guard case SimulationFailure.hardware(let hal) = error else { return false }
            return hal.kind == .notFound && hal.context.contains("NO_SUCH_LINE")
        }
    }
}
