import Foundation
import Glibc
import Testing

/// Issue 17: polectl cannot read the site file, so when the socket refuses a user (EACCES) the hint
/// names the group the socket really has (`[control] group`), not always `poled`.
@Suite(.tags(.slow), .notInFastSet) struct PermissionHintTests {
    @Test func theHintNamesTheSocketsGroup() throws {
        guard OtherUser.available() else { return }
        let daemon = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json", control: #"group = "adm""#)
        // A copy other users may run, wherever the checkout is.
        let copy = daemon.directory + "/polectl"
        try FileManager.default.copyItem(atPath: RunningDaemon.buildDirectory + "/polectl", toPath: copy)
        let (setpriv, arguments) = OtherUser.command(uid: OtherUser.nobody, gid: OtherUser.nogroup, [copy, "status", "--socket", daemon.socket])
        let result = RunningDaemon.run(setpriv, arguments)
        #expect(result.status == 77, "\(result.out) \(result.err)")
        #expect(result.err.contains("group adm"), "\(result.err)")
        #expect(!result.err.contains("group poled"), "\(result.err)")
        #expect(daemon.stop() == 0)
    }
}
