import PoleConfig
import PoleRuntime
import PoleSim
import SystemPackage
import Testing

/// One scenario per fault class of the Seoul and Gyeonggi audits (`Tests/Scenarios/audit/`), each
/// run through the whole loop on the simulated board with the trace lines it must contain.
@Suite struct AuditScenarioTests {

    /// Runs `Tests/Scenarios/audit/<name>.json` and returns the trace lines after t = 0.
    private func trace(_ name: String) throws -> [String] {
        let scenario = try Repository.scenario("Tests/Scenarios/audit/\(name).json")
        let configuration = try Repository.configuration()
        let sink = LineSink()
        let report = try SimulationRunner.run(configuration: configuration, scenario: scenario, trace: sink)
        #expect(report.violations.isEmpty)
        return sink.lines.filter { !$0.hasPrefix(#"{"t":0,"#) }
    }

    @Test func oppositeColourLatchesAndDarkensTheFloor() throws {
        #expect(try trace("opposite-colour") == [
            #"{"t":6000,"type":"output","name":"floor","value":"red"}"#,
            #"{"t":10160,"type":"event","name":"fault.raised","fault":"floor-wrong-colour"}"#,
            #"{"t":10160,"type":"output","name":"floor","value":"dark"}"#,
        ])
    }

    @Test func bothLitLatchesAndDarkensTheFloor() throws {
        #expect(try trace("both-lit") == [
            #"{"t":6000,"type":"output","name":"floor","value":"red"}"#,
            #"{"t":10040,"type":"event","name":"head","value":"green"}"#,
            #"{"t":10040,"type":"output","name":"floor","value":"green"}"#,
            #"{"t":12160,"type":"event","name":"fault.raised","fault":"floor-both-lit"}"#,
            #"{"t":12160,"type":"output","name":"floor","value":"dark"}"#,
            #"{"t":12340,"type":"event","name":"fault.raised","fault":"floor-wrong-colour"}"#,
            #"{"t":12340,"type":"event","name":"fault.raised","fault":"conflict"}"#,
        ])
    }

    @Test func aLampOutLatches() throws {
        #expect(try trace("lamp-out") == [
            #"{"t":6000,"type":"output","name":"floor","value":"red"}"#,
            #"{"t":10040,"type":"event","name":"head","value":"green"}"#,
            #"{"t":10040,"type":"output","name":"floor","value":"green"}"#,
            #"{"t":10220,"type":"event","name":"fault.raised","fault":"floor-lamp-out"}"#,
            #"{"t":10220,"type":"output","name":"floor","value":"dark"}"#,
        ])
    }

    @Test func aDarkHeadIsImplausibleAndTheHoldFollowsItsReturn() throws {
        #expect(try trace("dark-head") == [
            #"{"t":6000,"type":"output","name":"floor","value":"red"}"#,
            #"{"t":10040,"type":"output","name":"floor","value":"dark"}"#,
            #"{"t":10960,"type":"event","name":"head","value":"dark"}"#,
            #"{"t":11540,"type":"event","name":"fault.raised","fault":"head-implausible"}"#,
            #"{"t":20040,"type":"event","name":"head","value":"red"}"#,
            #"{"t":20040,"type":"event","name":"fault.cleared","fault":"head-implausible"}"#,
            #"{"t":26040,"type":"output","name":"floor","value":"red"}"#,
        ])
    }

    @Test func floorGreenUnderARedHeadStaysDarkUntilATechnicianClearsIt() throws {
        #expect(try trace("floor-green-under-red") == [
            #"{"t":6000,"type":"output","name":"floor","value":"red"}"#,
            #"{"t":10160,"type":"event","name":"fault.raised","fault":"floor-both-lit"}"#,
            #"{"t":10160,"type":"output","name":"floor","value":"dark"}"#,
            #"{"t":10340,"type":"event","name":"fault.raised","fault":"floor-wrong-colour"}"#,
            #"{"t":10340,"type":"event","name":"fault.raised","fault":"conflict"}"#,
            #"{"t":25000,"type":"event","name":"fault.cleared","fault":"conflict","by":"scenario","reason":"steps[3]"}"#,
            #"{"t":25000,"type":"event","name":"fault.cleared","fault":"floor-both-lit","by":"scenario","reason":"steps[3]"}"#,
            #"{"t":25000,"type":"event","name":"fault.cleared","fault":"floor-wrong-colour","by":"scenario","reason":"steps[3]"}"#,
            #"{"t":25000,"type":"event","name":"audit","command":"faults clear --all","by":"scenario","reason":"steps[3]","result":"done","message":"cleared conflict, floor-both-lit, floor-wrong-colour; the floor follows again after the start-up hold"}"#,
            #"{"t":31000,"type":"output","name":"floor","value":"red"}"#,
        ])
    }
}

/// Collects trace lines in memory.
final class LineSink: TraceSink {
    private(set) var bytes: [UInt8] = []

    func write(_ bytes: [UInt8]) throws(Errno) {
        self.bytes += bytes
    }

    var lines: [String] { String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init) }
}
