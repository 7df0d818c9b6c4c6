import PoleConfig
import PoleCore
import PoleRuntime
import PoleSim
import Testing

/// A recording of the simulated board replays to the same outputs, tick for tick; a changed setting
/// shows where it first matters.
@Suite struct RecordReplayTests {
    /// Ten simulated minutes of chaos (head and floor faults, technicians' clears) and a night crossing.
    private func record(_ scenario: Scenario) throws -> (bytes: [UInt8], ticks: Int) {
        let configuration = try Repository.configuration()
        let recording = LineSink()
        let report = try SimulationRunner.run(configuration: configuration, scenario: scenario, trace: nil, record: recording)
        return (recording.bytes, Int(report.ticks))
    }

    @Test func aRecordingOfTheSimulatedBoardReplaysWithZeroDivergence() throws {
        let configuration = try Repository.configuration()
        let chaos = StreetChaos.scenario(seed: 11, durationMs: 600_000, zones: configuration.board.presenceZones)
        #expect(chaos.steps.contains { if case .command = $0.action { true } else { false } }, "the chaos clears faults, so commands are recorded too")
        for scenario in [chaos, try Repository.scenario("Tests/Scenarios/crossing-at-night.json"), try Repository.scenario("Tests/Scenarios/air/grade-change.json")] {
            let recorded = try record(scenario)
            let report = try RecordingReplayer.replay(recorded.bytes, settings: configuration.poleSettings)
            #expect(report.divergence == nil, "\(String(describing: report.divergence))")
            #expect(report.ticks == recorded.ticks)
        }
    }

    @Test func aChangedSettingShowsTheFirstDivergenceWithItsTick() throws {
        var configuration = try Repository.configuration()
        let recorded = try record(try Repository.scenario("Tests/Scenarios/head-cycle.json"))
        configuration.site.crosswalk.startupHoldMs = 8_000
        let report = try RecordingReplayer.replay(recorded.bytes, settings: configuration.poleSettings)
        let divergence = try #require(report.divergence)
        #expect(divergence.tick == 301)
        #expect(divergence.atMs == 6_000)
        #expect(divergence.description == #"first divergence at tick 301 (t = 6000 ms): floor recorded "red", replayed "dark""#)
    }

    @Test func aMalformedRecordingNamesItsLine() throws {
        let configuration = try Repository.configuration()
        var bytes = try record(try Repository.scenario("Tests/Scenarios/head-cycle.json")).bytes
        bytes += Array("{\"t\":99999999,\"p\":[1]}\n".utf8)
        let badLine = #expect(throws: RecordingReplayer.Malformed.self) { try RecordingReplayer.replay(bytes, settings: configuration.poleSettings) }
        #expect(badLine?.problem.hasPrefix("p: expected 3 presence levels") == true)
        let notARecording = #expect(throws: RecordingReplayer.Malformed.self) {
            try RecordingReplayer.replay(Array("{\"t\":0}\n".utf8), settings: configuration.poleSettings)
        }
        #expect(notARecording?.line == 1)
    }
}
