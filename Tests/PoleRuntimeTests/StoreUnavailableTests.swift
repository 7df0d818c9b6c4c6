import Foundation
import PoleJSON
@testable import PoleRuntime
@testable import PoleStore
import Testing

/// Control never depends on the store: with a store path that is a folder, or on a file system gone
/// read-only (how SD cards usually fail), poled runs the pole, says why in `status`, and keeps the
/// floor dark only while a latched fault or an unsaved clear says it must.
@Suite(.serialized, .tags(.slow), .notInFastSet) struct StoreUnavailableTests {
    private func floor(_ status: JSONValue?) -> String? { status?["crosswalk"]?["floor"]?.string }

    @Test func aStorePathThatIsAFolderLeavesThePoleControlling() throws {
        let directory = NSTemporaryDirectory() + "poled-folder-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory + "/poled.sqlite", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let daemon = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json", directory: directory)
        let following = daemon.waitForStatus(seconds: 20) { floor($0) == "red" || floor($0) == "green" }
        #expect(floor(following) == "red" || floor(following) == "green", "the floor follows the head: \(String(describing: following))")
        #expect(following?["store"]?["error"]?.string?.contains("not in use") == true, "\(String(describing: following?["store"]))")
        let events = daemon.polectlJSON("events")
        #expect(events.status == 0, "events are answered from memory")
        let check = RunningDaemon.run(RunningDaemon.buildDirectory + "/poled", ["check-config", "--config", directory + "/poled.toml"])
        #expect(check.status == 0 && check.out.contains("warning: store: \(directory)/poled.sqlite is a folder"), "\(check.out)")
        #expect(daemon.stop() == 0)
        #expect(daemon.logText.contains("the store cannot be used"), "the log says why")
    }

    /// A tmpfs mounted for the test (0755, as a pole's card: poled refuses a state folder others may
    /// write), remounted read-only once `prepare` has run on it.
    private func withReadOnlyFolder(_ prepare: (String) throws -> Void, _ body: (String) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "poled-ro-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mounted = RunningDaemon.run("/bin/mount", ["-t", "tmpfs", "-o", "size=8m,mode=0755", "tmpfs", folder])
        try #require(mounted.status == 0, "mount a tmpfs (needs root): \(mounted.err)")
        defer { _ = RunningDaemon.run("/bin/umount", ["-l", folder]) }
        try prepare(folder)
        let remounted = RunningDaemon.run("/bin/mount", ["-o", "remount,ro", folder])
        try #require(remounted.status == 0, "remount read-only: \(remounted.err)")
        try body(folder)
    }

    @Test(.enabled(if: getuid() == 0, "mounting a read-only file system needs root"))
    func aStoreOnAReadOnlyCardKeepsItsLatchedFaultAndRefusesAnUnsavedClear() throws {
        try withReadOnlyFolder({ folder in
            let keeper = StoreKeeper.start(path: folder + "/poled.sqlite", queuesUplink: false, utcMs: 1_800_000_000_000).keeper
            var latch = StoreBatch()
            latch.latchedFaults = [.conflict]
            try keeper.write(latch)
            keeper.close()
        }) { folder in
            let daemon = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json", storePath: folder + "/poled.sqlite")
            let started = daemon.waitForStatus(seconds: 10) { $0["faults"]?["latched"] != nil }
            #expect(started?["faults"]?["latched"]?.array?.compactMap(\.string) == ["conflict"], "read from the read-only store")
            #expect(started?["store"]?["error"]?.string?.contains("not in use") == true)
            let clear = daemon.polectl("faults", "clear", "--all", "--reason", "read-only test")
            #expect(clear.status == 0, "\(clear.out) \(clear.err)")
            let after = daemon.waitForStatus(seconds: 10) { $0["faults"]?["active"]?.array?.contains(.string("latched-unsaved")) == true }
            #expect(after?["faults"]?["active"]?.array?.contains(.string("latched-unsaved")) == true, "\(String(describing: after?["faults"]))")
            Thread.sleep(forTimeInterval: 7)
            let later = daemon.polectlJSON("status").json
            #expect(floor(later) == "dark", "a clear that a restart would undo does not let the floor follow")
            #expect(daemon.stop() == 0)
        }
    }

    @Test(.enabled(if: getuid() == 0, "mounting a read-only file system needs root"))
    func aReadOnlyCardWithoutAStoreStillFollowsTheHead() throws {
        try withReadOnlyFolder({ _ in }) { folder in
            let daemon = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json", storePath: folder + "/poled.sqlite")
            let following = daemon.waitForStatus(seconds: 20) { floor($0) == "red" || floor($0) == "green" }
            #expect(floor(following) == "red" || floor(following) == "green", "\(String(describing: following))")
            #expect(daemon.stop() == 0)
        }
    }
}
