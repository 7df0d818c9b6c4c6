import Foundation
import PoleJSON
@testable import PoleRuntime
@testable import PoleStore
import Synchronization
import Testing

/// Issue 9's crash test: poled killed with SIGKILL at random moments, while technicians' commands
/// are being written, again and again in one store. After every kill the store passes its
/// integrity check (opened here, as poled opens it, and again by the next poled, which would say
/// it moved the file aside) and holds every event that was reported stored (with an id) before.
@Suite(.serialized, .tags(.slow), .notInFastSet) struct StoreCrashTests {
    /// A small generator with a printed seed, so a failing run can be repeated.
    private struct SplitMix {
        var state: UInt64
        mutating func next(below bound: UInt64) -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return (z ^ (z >> 31)) % bound
        }
    }

    private final class StopFlag: Sendable {
        let value = Atomic<Bool>(false)
    }

    private func storedEvents(_ daemon: RunningDaemon) -> [Int64: String] {
        var stored: [Int64: String] = [:]
        for entry in daemon.polectlJSON("events").json?.array ?? [] {
            if let id = entry["id"]?.number, let name = entry["name"]?.string { stored[Int64(id)] = name }
        }
        return stored
    }

    @Test func sigkillAtRandomMomentsLosesNothingThatWasStored() throws {
        let seed = UInt64(Date().timeIntervalSince1970 * 1_000)
        var random = SplitMix(state: seed)
        let directory = NSTemporaryDirectory() + "poled-crash-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var promised: [Int64: String] = [:]
        let runs = 15
        for run in 0..<runs {
            let daemon = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json", directory: directory, store: #"flush_interval = "1s""#)
            #expect(!daemon.logText.contains("integrity"), "run \(run), seed \(seed): poled found the store damaged: \(daemon.logText)")
            let stop = StopFlag()
            let socket = daemon.socket
            let technician = Thread {
                var on = true
                while !stop.value.load(ordering: .relaxed) {
                    _ = RunningDaemon.run(
                        RunningDaemon.buildDirectory + "/polectl", ["maintenance", on ? "on" : "off", "--reason", "crash test", "--socket", socket]
                    )
                    on.toggle()
                }
            }
            technician.start()
            Thread.sleep(forTimeInterval: 0.3 + Double(random.next(below: 1_200)) / 1_000)
            promised.merge(storedEvents(daemon)) { _, new in new }
            Thread.sleep(forTimeInterval: Double(random.next(below: 300)) / 1_000)
            daemon.kill()
            stop.value.store(true, ordering: .relaxed)
            while technician.isExecuting { Thread.sleep(forTimeInterval: 0.01) }
            let reopened = StoreKeeper.start(path: directory + "/poled.sqlite", queuesUplink: false, utcMs: 0)
            #expect(reopened.notes.isEmpty, "run \(run), seed \(seed): \(reopened.notes)")
            #expect(!reopened.latched.contains(.stateLost), "run \(run), seed \(seed): a kill is not damage")
            let kept = Dictionary(uniqueKeysWithValues: try reopened.keeper.store!.events(sinceUtcMs: nil, limit: 1_000_000).map { ($0.id!, $0.name) })
            for (id, name) in promised {
                #expect(kept[id] == name, "run \(run), seed \(seed): event \(id) (\(name)) was stored before the kill and is gone")
            }
        }
        #expect(promised.count > runs * 3, "the runs stored events to lose (\(promised.count))")
    }
}
