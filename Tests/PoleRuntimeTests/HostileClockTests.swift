import PoleConfig
import PoleCore
import PoleLinux
import PoleRuntime
import PoleSim
import Testing

/// A wall clock at any time it can read — the year 5000 from the start, a jump there that outlasts
/// the jump rule's distrust, the far end of what C's `localtime_r` can convert — is an untrusted
/// clock with the lamps lit, in `poled simulate`, on a live pole and in the local-time conversion.
@Suite struct HostileClockTests {
    /// `poled simulate` asked the solar clock about the year 5000 on its first tick, and trapped.
    @Test func aSimulationStartingInTheYear5000RunsWithTheClockUntrusted() throws {
        let trace = LineSink()
        let report = try SimulationRunner.run(
            configuration: try Repository.configuration(), scenario: try Repository.scenario("Tests/Scenarios/clock-far-future.json"), trace: trace
        )
        #expect(report.violations.isEmpty)
        #expect(trace.lines.contains(#"{"t":0,"type":"event","name":"fault.raised","fault":"clock-untrusted"}"#), "\(trace.lines.prefix(20))")
        #expect(trace.lines.contains(#"{"t":0,"type":"output","name":"lamp","value":100}"#))
        #expect(!trace.lines.contains { $0.contains("fault.cleared") && $0.contains("clock-untrusted") })
    }

    /// A trusted clock jumps to the year 5000 after a minute: the jump rule distrusts it for 10
    /// minutes, after which a pole asked the solar clock about it, and trapped.
    @Test func aClockThatJumpsToTheYear5000StaysUntrustedAfterTheJumpRulesTenMinutes() throws {
        let scenario = try Repository.scenario(json: """
            { "start": "2026-06-21T12:00:00+09:00", "duration": "13m",
              "steps": [ { "at": "0s", "head": "red" }, { "at": "1m", "utc": "5000-06-21T03:00:00Z" } ] }
            """)
        let trace = LineSink()
        let report = try SimulationRunner.run(configuration: try Repository.configuration(), scenario: scenario, trace: trace)
        #expect(report.violations.isEmpty)
        #expect(trace.lines.contains(#"{"t":60000,"type":"event","name":"fault.raised","fault":"clock-untrusted"}"#), "\(trace.lines.prefix(20))")
        #expect(!trace.lines.contains { $0.contains("fault.cleared") && $0.contains("clock-untrusted") })
        #expect(trace.lines.last { $0.contains(#""name":"lamp""#) } == #"{"t":60000,"type":"output","name":"lamp","value":100}"#)
    }

    /// `poled run` on the simulated board with the clock in the year 5000: the live loop checks the
    /// clock every tick, keeps the lamp at 100 % and reports the fault instead of dying.
    @Test(.tags(.slow), .notInFastSet) func aLivePoleWithItsClockInTheYear5000KeepsRunningWithTheLampLit() throws {
        let daemon = try RunningDaemon(scenario: "Tests/Scenarios/clock-far-future.json")
        let status = daemon.waitForStatus(seconds: 15) {
            ($0["daemon"]?["uptime_ms"]?.number ?? 0) > 2_000 && $0["lamp"]?["level"] == .integer(100)
                && ($0["faults"]?["active"]?.array ?? []).contains(.string("clock-untrusted"))
        }
        #expect(status != nil, "\(daemon.logText)")
        #expect(daemon.stop() == 0, "\(daemon.logText)")
    }

    /// Far beyond the C library's years `localtime_r` fails: the local time is unknown, not day 0.
    @Test(arguments: [Int64.max, Int64.min, 1 << 62])
    func aTimeTheCLibraryCannotConvertHasNoLocalTime(utc: Int64) {
        var local = SiteLocalTime(zone: "Asia/Seoul")
        #expect(LocalDate(local.convert(utcSeconds: utc)?.date) == nil)
        #expect(local.convert(utcSeconds: utc)?.minuteOfDay == nil)
        #expect(local.convert(utcSeconds: 1_764_061_200)?.minuteOfDay == 18 * 60, "and known again for a time it can convert")
    }
}
