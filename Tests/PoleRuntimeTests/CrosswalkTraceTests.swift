import Glibc
import PoleConfig
import PoleCore
@testable import PoleRuntime
import PoleSim
@testable import PoleStore
import Testing

/// The crosswalk as `poled simulate` traces it: beacon, voice and spotlight beside the floor, and
/// latched faults that survive a restart.
@Suite struct CrosswalkTraceTests {

    private func configuration() throws -> PoleConfiguration {
        try Repository.configuration()
    }

    private func scenario(_ path: String) throws -> Scenario {
        try Repository.scenario(path)
    }

    @Test func aNightCrossingTracesSpotlightBeaconAndVoice() throws {
        let sink = LineSink()
        _ = try SimulationRunner.run(configuration: configuration(), scenario: scenario("Tests/Scenarios/crossing-at-night.json"), trace: sink)
        let lines = sink.lines.filter { !$0.contains(#""name":"floor""#) }
        #expect(lines == [
            #"{"t":0,"type":"event","name":"night","value":true}"#,
            #"{"t":0,"type":"event","name":"head","value":"red"}"#,
            #"{"t":0,"type":"output","name":"beacon","value":"off"}"#,
            #"{"t":0,"type":"output","name":"voice","value":"none"}"#,
            #"{"t":0,"type":"output","name":"spotlight","value":50}"#,
            #"{"t":0,"type":"output","name":"lamp","value":30}"#,
            #"{"t":0,"type":"output","name":"air","value":"off"}"#,
            #"{"t":0,"type":"output","name":"mist","value":"off"}"#,
            #"{"t":8000,"type":"output","name":"voice","value":"red-wait"}"#,
            #"{"t":8000,"type":"output","name":"spotlight","value":100}"#,
            #"{"t":20040,"type":"event","name":"head","value":"green"}"#,
            #"{"t":20040,"type":"output","name":"beacon","value":"on"}"#,
            #"{"t":31000,"type":"output","name":"voice","value":"green-cross"}"#,
            #"{"t":33040,"type":"event","name":"head","value":"flashing-green"}"#,
            #"{"t":35980,"type":"output","name":"beacon","value":"off"}"#,
            #"{"t":40040,"type":"event","name":"head","value":"red"}"#,
            #"{"t":60000,"type":"air","pm1":8.0,"pm2_5":10.0,"pm10":20,"grade":"good","cai":33,"aqi":53}"#,
            #"{"t":60000,"type":"output","name":"air","value":"good"}"#,
        ])
    }

    @Test func aLatchedFaultSurvivesARestartUntilCleared() throws {
        var template = Array("/tmp/poled-restart-XXXXXX".utf8CString)
        let state = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        let latching = try Repository.scenario(json: """
            { "start": "2026-11-25T18:00:00Z", "duration": "15s",
              "steps": [ { "at": "0s", "head": "red" }, { "at": "10s", "floor_fault": "green-stuck-on" } ] }
            """)
        _ = try SimulationRunner.run(configuration: configuration(), scenario: latching, trace: nil, storePath: state + "/poled.sqlite")
        #expect(StoreKeeper.start(path: state + "/poled.sqlite", queuesUplink: false, utcMs: 0).latched == [.conflict, .floorBothLit, .floorWrongColour])

        let afterRestart = LineSink()
        let normal = try scenario("Tests/Scenarios/head-cycle.json")
        _ = try SimulationRunner.run(configuration: configuration(), scenario: normal, trace: afterRestart, storePath: state + "/poled.sqlite")
        #expect(!afterRestart.lines.contains { $0.contains(#""name":"floor","value":"green""#) || $0.contains(#""name":"floor","value":"red""#) },
                "the floor stays dark after the restart")

        let clearing = try Repository.scenario(json: """
            { "start": "2026-11-25T18:00:00Z", "duration": "10s",
              "steps": [ { "at": "0s", "head": "red" }, { "at": "1s", "command": { "faults_clear": "all" } } ] }
            """)
        let cleared = LineSink()
        _ = try SimulationRunner.run(configuration: configuration(), scenario: clearing, trace: cleared, storePath: state + "/poled.sqlite")
        #expect(cleared.lines.contains(#"{"t":7000,"type":"output","name":"floor","value":"red"}"#), "6 s hold after the clear")
        #expect(StoreKeeper.start(path: state + "/poled.sqlite", queuesUplink: false, utcMs: 0).latched == [])
    }

    @Test func aClockFallingBackTo1970FailsLitWithAFault() throws {
        let sink = LineSink()
        _ = try SimulationRunner.run(configuration: configuration(), scenario: scenario("Tests/Scenarios/clock-1970.json"), trace: sink)
        let lines = sink.lines.filter {
            $0.contains(#""type":"event""#) || $0.contains(#""name":"spotlight""#) || $0.contains(#""name":"lamp""#)
        }
        #expect(lines == [
            #"{"t":0,"type":"event","name":"night","value":false}"#,
            #"{"t":0,"type":"event","name":"head","value":"red"}"#,
            #"{"t":0,"type":"output","name":"spotlight","value":0}"#,
            #"{"t":0,"type":"output","name":"lamp","value":0}"#,
            #"{"t":10000,"type":"event","name":"fault.raised","fault":"clock-untrusted"}"#,
            #"{"t":10000,"type":"event","name":"night","value":true}"#,
            #"{"t":10000,"type":"output","name":"spotlight","value":50}"#,
            #"{"t":10000,"type":"output","name":"lamp","value":100}"#,
        ], "off by day, then lit at 100 % the moment the clock cannot be trusted")
    }

    @Test func crosswalkOutputsDriveTheirLines() {
        var outputs = Outputs.safe
        outputs.beaconLamp = .on
        outputs.floorLevelPercent = 40
        outputs.voiceNightVolume = .on
        #expect(OutputLevel.of(.beacon, outputs) == .high)
        #expect(OutputLevel.of(.floorDim, outputs) == .high)
        #expect(OutputLevel.of(.voiceNightVolume, outputs) == .high)
        outputs.beacon = .on
        outputs.beaconLamp = .off
        #expect(OutputLevel.of(.beacon, outputs) == .low, "the line follows the flashing lamp, not the warning")
        outputs.floorLevelPercent = 100
        #expect(OutputLevel.of(.floorDim, Outputs.safe) == .low)
    }
}
