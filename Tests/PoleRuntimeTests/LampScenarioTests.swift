import PoleConfig
import PoleRuntime
import PoleSim
@testable import PoleStore
import Testing

/// The security lamp through `Tests/Scenarios/lamp/`, on the simulated board, with the trace lines
/// each scenario must show.
@Suite struct LampScenarioTests {

    /// The lamp, night and fault lines of `Tests/Scenarios/lamp/<name>.json`.
    private func trace(_ name: String) throws -> [String] {
        let scenario = try Repository.scenario("Tests/Scenarios/lamp/\(name).json")
        let configuration = try Repository.configuration()
        let sink = LineSink()
        _ = try SimulationRunner.run(configuration: configuration, scenario: scenario, trace: sink)
        return sink.lines.filter { $0.contains(#""name":"lamp""#) || $0.contains(#""name":"night""#) || $0.contains("fault") }
    }

    @Test func atDuskTheLampComesOnAtIdleGoesFullOnMotionAndRampsBack() throws {
        let lines = try trace("dusk")
        #expect(Array(lines.prefix(5)) == [
            #"{"t":0,"type":"event","name":"night","value":false}"#,
            #"{"t":0,"type":"output","name":"lamp","value":0}"#,
            #"{"t":651000,"type":"event","name":"night","value":true}"#,
            #"{"t":651000,"type":"output","name":"lamp","value":30}"#,
            #"{"t":720000,"type":"output","name":"lamp","value":100}"#,
        ], "sunset 17:15:51 KST; full on the tick motion starts")
        #expect(lines[5] == #"{"t":845120,"type":"output","name":"lamp","value":99}"#, "120 s hold after motion ends at 725 s")
        #expect(lines.last == #"{"t":865840,"type":"output","name":"lamp","value":30}"#, "70 points down at 100 points per 30 s, rounded to whole percent")
    }

    @Test func atDawnTheLampGoesOff() throws {
        #expect(try trace("dawn") == [
            #"{"t":0,"type":"event","name":"night","value":true}"#,
            #"{"t":0,"type":"output","name":"lamp","value":30}"#,
            #"{"t":466000,"type":"event","name":"night","value":false}"#,
            #"{"t":466000,"type":"output","name":"lamp","value":0}"#,
        ])
    }

    @Test func aLampOutIsRaisedAndClearedWhenRepaired() throws {
        #expect(try trace("lamp-out").suffix(2) == [
            #"{"t":15000,"type":"event","name":"fault.raised","fault":"lamp-out"}"#,
            #"{"t":40000,"type":"event","name":"fault.cleared","fault":"lamp-out"}"#,
        ])
    }

    @Test func aWeldedRelayIsUnexpectedlyOn() throws {
        #expect(try trace("unexpected-on").last == #"{"t":15000,"type":"event","name":"fault.raised","fault":"lamp-unexpected-on"}"#)
    }

    @Test func aLampThatKeepsRestartingIsCycling() throws {
        let lines = try trace("cycling")
        #expect(lines.contains(#"{"t":65000,"type":"event","name":"fault.raised","fault":"lamp-out"}"#))
        #expect(lines.contains(#"{"t":240000,"type":"event","name":"fault.raised","fault":"lamp-cycling"}"#), "the third drop")
    }

    @Test func aLightSensorFailingAtNightLightsTheLampFullWithASensorError() throws {
        let boardText = try String(decoding: ByteFile.readAll(path: Repository.root + "/boards/sim.toml", limit: 1 << 20), as: UTF8.self)
            .replacing("photocell = { line = \"PHOTOCELL\" }\n", with: "")
        let configuration = try ConfigLoader.parse(
            site: ("site.toml", "[night]\nmode = \"sensor\"\n"), board: ("sim.toml", boardText),
            sources: ConfigSources(sitePath: nil, boardPath: nil, runtimeDirectory: "/tmp", userID: 0)
        )
        let sink = LineSink()
        _ = try SimulationRunner.run(configuration: configuration, scenario: Repository.scenario("Tests/Scenarios/lamp/lux-failure.json"), trace: sink)
        let lines = sink.lines.filter { $0.contains(#""name":"lamp""#) || $0.contains("sensor.error") }
        #expect(lines.first == #"{"t":0,"type":"output","name":"lamp","value":100}"#, "full until the sensor first reads")
        #expect(lines[1] == #"{"t":320,"type":"output","name":"lamp","value":99}"#, "a dark reading at 180 ms: ramping down to idle")
        #expect(lines.suffix(2) == [
            #"{"t":20180,"type":"event","name":"sensor.error","sensor":"lux","error":"nack(address)"}"#,
            #"{"t":20180,"type":"output","name":"lamp","value":100}"#,
        ], "full again at the first failed poll")
    }
}
