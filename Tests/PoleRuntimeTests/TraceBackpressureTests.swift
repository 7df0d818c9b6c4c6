import Foundation
import PoleJSON
import Testing

/// `poled run --trace` into a pipe whose reader stopped reading (a paused `less`): the trace waits,
/// the control loop does not.
@Suite(.tags(.slow), .notInFastSet) struct TraceBackpressureTests {
    @Test func aTraceReaderThatStopsReadingDoesNotStallTheLoop() throws {
        let directory = NSTemporaryDirectory() + "poled-trace-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/trace.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        _ = fcntl(reader, 1_031, 4_096)  // F_SETPIPE_SZ: one page
        let filler = open(fifo, O_WRONLY | O_NONBLOCK)
        let junk = [UInt8](repeating: 0x20, count: 4_096)
        var filled = 0
        while true {
            let written = write(filler, junk, junk.count)
            guard written > 0 else { break }
            filled += written
        }
        close(filler)
        #expect(filled >= 4_096, "the pipe is full before poled writes to it")

        let daemon = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json", directory: directory + "/pole", trace: fifo)
        Thread.sleep(forTimeInterval: 3)
        let first = daemon.polectlJSON("status").json
        Thread.sleep(forTimeInterval: 1)
        let second = daemon.polectlJSON("status").json
        let ticks = (first?["loop"]?["ticks"]?.number ?? 0, second?["loop"]?["ticks"]?.number ?? 0)
        #expect(ticks.1 > ticks.0 + 20, "the loop ticks on while its trace cannot be written: \(ticks)")
        #expect(second?["loop"]?["overruns"] == .number(0))
        #expect((second?["daemon"]?["snapshot_age_ms"]?.number ?? .infinity) < 1_000)
        #expect(daemon.stop() == 0, "and stops on SIGTERM, leaving the unwritten trace behind")
        #expect(daemon.logText.contains("the trace did not finish within 2s"), "\(daemon.logText)")
    }
}
