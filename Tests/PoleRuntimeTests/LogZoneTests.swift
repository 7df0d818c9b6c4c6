import Foundation
import Testing

/// Issue 17: on standard error (not under systemd), every log line of a run is stamped in the site's
/// zone, from the first line: the zone is set as soon as the site file is read.
@Suite(.tags(.slow), .notInFastSet) struct LogZoneTests {
    @Test func everyTimestampOfARunHasTheSitesOffset() throws {
        let daemon = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json", site: "[site]\ntime_zone = \"Asia/Kathmandu\"")
        Thread.sleep(forTimeInterval: 1)
        #expect(daemon.stop() == 0)
        let stamped = daemon.logText.split(separator: "\n").map(String.init).filter { line in
            line.count > 24 && line.prefix(4).allSatisfy(\.isNumber) && line.dropFirst(10).first == "T"
        }
        #expect(stamped.count >= 3, "\(daemon.logText)")
        for line in stamped {
            #expect(String(line.prefix(24)).hasSuffix("+0545"), "Kathmandu is +0545: \(line)")
        }
    }
}
