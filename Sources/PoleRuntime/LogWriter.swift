import Dispatch
import Glibc
import Synchronization

/// Standard error, written from a queue of its own: log lines and the live status line are handed
/// over without waiting, so a reader that stops reading (a stuck journald, a paused pipe) never
/// stalls the control loop in `write`.
///
/// At most `limitLines` lines wait; beyond that new lines are dropped and counted, never waited
/// for. When the queue drains after dropping, it writes one line saying how many were dropped
/// (`dropNotice`), and `droppedTotal` keeps the count for `polectl status`.
public final class LogWriter: Sendable {
    private struct State {
        var lines: [[UInt8]] = []
        var droppedSinceNotice = 0
        /// Lines taken by the writer and not yet written.
        var writing = 0
    }

    /// Lines that may wait: more than a burst of technician commands logs, about 150 KiB.
    public static let defaultLimitLines = 1_024

    private let limitLines: Int
    private let sink: @Sendable ([UInt8]) -> Void
    private let dropNotice: @Sendable (Int) -> [UInt8]
    private let state = Mutex(State())
    private let dropped = Atomic<Int>(0)
    private let wake = DispatchSemaphore(value: 0)
    private let queue = DispatchQueue(label: "poled.log")

    /// A writer to `sink` (by default standard error, retrying short writes and EINTR); `dropNotice`
    /// formats the line that reports dropped lines in the handler's own style.
    public init(
        limitLines: Int = defaultLimitLines,
        dropNotice: @escaping @Sendable (Int) -> [UInt8] = { Array("poled: \($0) log lines were dropped while standard error was blocked\n".utf8) },
        sink: @escaping @Sendable ([UInt8]) -> Void = LogWriter.writeToStandardError
    ) {
        self.limitLines = limitLines
        self.sink = sink
        self.dropNotice = dropNotice
        queue.async { [self] in drain() }
    }

    /// Lines dropped since the start because standard error did not take them.
    public var droppedTotal: Int { dropped.load(ordering: .relaxed) }

    /// Queues `line`; never waits. Dropped and counted when `limitLines` wait already.
    public func submit(_ line: [UInt8]) {
        let accepted = state.withLock { state in
            guard state.lines.count < limitLines else {
                state.droppedSinceNotice += 1
                return false
            }
            state.lines.append(line)
            return true
        }
        if accepted {
            wake.signal()
        } else {
            dropped.add(1, ordering: .relaxed)
        }
    }

    /// Waits up to `timeoutMs` for the waiting lines to be written; `false` when they were not (a
    /// reader that never reads again must not keep the daemon from exiting).
    @discardableResult
    public func stop(timeoutMs: Int) -> Bool {
        for _ in 0..<max(1, timeoutMs / 5) {
            if state.withLock({ $0.lines.isEmpty && $0.writing == 0 }) { return true }
            usleep(5_000)
        }
        return state.withLock { $0.lines.isEmpty && $0.writing == 0 }
    }

    private func drain() {
        while true {
            wake.wait()
            let batch = state.withLock { state in
                defer { state.lines.removeAll(keepingCapacity: true) }
                state.writing = state.lines.count
                return state.lines
            }
            for line in batch { sink(line) }
            let unreported = state.withLock { state in
                state.writing = 0
                guard state.lines.isEmpty, state.droppedSinceNotice > 0 else { return 0 }
                defer { state.droppedSinceNotice = 0 }
                return state.droppedSinceNotice
            }
            if unreported > 0 { sink(dropNotice(unreported)) }
        }
    }

    /// Writes all of `bytes` to standard error; a failed write loses the line (there is nowhere
    /// left to say so).
    public static func writeToStandardError(_ bytes: [UInt8]) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress! + written, bytes.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
    }
}
