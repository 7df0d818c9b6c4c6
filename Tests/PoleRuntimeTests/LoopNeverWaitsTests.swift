import Foundation
import Glibc
import PoleJSON
import PoleProtocol
@testable import PoleRuntime
import Synchronization
import Testing

/// The control loop never waits on logging or signals: a standard error nobody reads costs dropped
/// log lines, never ticks; the log is written from a thread of its own; a SIGTERM at any moment of
/// start-up ends poled with exit 0.
@Suite(.tags(.slow), .notInFastSet) struct LoopNeverWaitsTests {
    private final class Writes: Sendable {
        let threads = Mutex<[pthread_t]>([])
        let lines = Mutex<[String]>([])
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
    }

    @Test func logLinesAreWrittenFromTheWritersThreadNeverTheCallers() {
        let writes = Writes()
        let writer = LogWriter(sink: { line in
            writes.threads.withLock { $0.append(pthread_self()) }
            writes.lines.withLock { $0.append(String(decoding: line, as: UTF8.self)) }
        })
        let caller = pthread_self()
        for index in 0..<100 { writer.submit(Array("line \(index)\n".utf8)) }
        #expect(writer.stop(timeoutMs: 5_000))
        #expect(writes.lines.withLock { $0 } == (0..<100).map { "line \($0)\n" }, "in order, none lost")
        #expect(writes.threads.withLock { $0 }.allSatisfy { pthread_equal($0, caller) == 0 }, "the caller never writes")
    }

    @Test func aBlockedStandardErrorDropsAndCountsLinesAndSaysSoWhenItDrains() {
        let writes = Writes()
        let writer = LogWriter(limitLines: 8, dropNotice: { Array("dropped \($0)\n".utf8) }, sink: { line in
            let text = String(decoding: line, as: UTF8.self)
            if text == "first\n" {
                writes.entered.signal()
                writes.release.wait()
            }
            writes.lines.withLock { $0.append(text) }
        })
        writer.submit(Array("first\n".utf8))
        writes.entered.wait()
        for index in 0..<20 { writer.submit(Array("queued \(index)\n".utf8)) }
        #expect(writer.droppedTotal == 12, "8 wait while the reader is stuck; the other 12 are dropped, not waited for")
        writes.release.signal()
        #expect(writer.stop(timeoutMs: 5_000))
        let lines = writes.lines.withLock { $0 }
        #expect(lines == ["first\n"] + (0..<8).map { "queued \($0)\n" } + ["dropped 12\n"])
    }

    @Test func aStandardErrorNobodyReadsNeverStopsTheLoop() throws {
        let daemon = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json", standardErrorUnread: true)
        let client = try ControlConnection(path: daemon.socket)
        client.timeoutMs = 5_000
        func ticks() throws -> Double {
            try client.send(.object(["v": .integer(1), "cmd": .string("status")]))["data"]?["loop"]?["ticks"]?.number ?? 0
        }
        let before = try ticks()
        var answered = 0
        for index in 0..<1_000 {
            let request: JSONValue = .object([
                "v": .integer(1), "cmd": .string("maintenance"), "on": .bool(index % 2 == 0), "reason": .string("log test \(index)"),
            ])
            guard try client.send(request)["ok"] == .bool(true) else { break }
            answered += 1
        }
        #expect(answered == 1_000, "every command was carried out by the loop (a loop stuck in write times them out)")
        let after = try ticks()
        Thread.sleep(forTimeInterval: 0.5)
        let status = try client.send(.object(["v": .integer(1), "cmd": .string("status")]))["data"]
        #expect(after > before, "ticks advanced while stderr was full: \(before) → \(after)")
        #expect((status?["loop"]?["ticks"]?.number ?? 0) > after, "and still advance")
        #expect(status?["loop"]?["stalled"] == .bool(false))
        #expect((status?["daemon"]?["log_lines_dropped"]?.number ?? 0) > 0, "the dropped lines are counted in status")
        #expect(daemon.stop() == 0, "and it still stops cleanly")
    }

    /// 20 moments from 50 to 297 ms after exec.
    @Test func sigtermAtAnyMomentOfStartUpExitsZero() throws {
        let directory = NSTemporaryDirectory() + "poled-sigterm-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for moment in 0..<20 {
            let run = directory + "/\(moment)"
            try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
            try """
                board = "\(Repository.root)/boards/sim.toml"
                [store]
                path = "\(run)/poled.sqlite"
                [control]
                socket = "\(run)/control.sock"
                """.write(toFile: run + "/poled.toml", atomically: true, encoding: .utf8)
            let poled = try SpawnedProcess(
                RunningDaemon.buildDirectory + "/poled", ["run", "--config", run + "/poled.toml", "--status-every", "0s"], errors: run + "/log"
            )
            // From 50 ms: before that a loaded machine may still be in the dynamic loader, mapping the
            // debug build's Swift libraries before any instruction of poled runs (7–21 ms measured
            // here under load); poled cannot block a signal before its first instruction.
            let delayMs = 50 + moment * 13
            usleep(useconds_t(delayMs * 1_000))
            let status = poled.signal(SIGTERM)
            let log = (try? String(contentsOfFile: run + "/log", encoding: .utf8)) ?? ""
            #expect(status & 0x7F == 0 && (status >> 8) & 0xFF == 0, "SIGTERM \(delayMs) ms after exec: wait status \(status)\n\(log)")
        }
    }
}
