import Dispatch
import Logging
import PoleStore
import Synchronization

/// A trace or recording file written on a queue of its own, so a slow disk or a reader that stops
/// reading (`poled run --trace - | less`, paused) can never stall the control loop (docs/architecture.md, "Threads").
///
/// At most `limit` bytes wait; beyond that new bytes are dropped and counted (the file then has a
/// gap, said in the log), rather than memory growing without bound. A failed write ends the file,
/// logged once; the pole runs on.
final class BackgroundFileWriter: Sendable {
    private struct State {
        var waitingBytes = 0
        var dropped = 0
        var failed = false
    }

    private let file: ByteFile
    private let what: String
    private let limit: Int
    private let logger: Logger
    private let state = Mutex(State())
    private let queue: DispatchQueue

    init(file: ByteFile, what: String, limit: Int = 8 << 20, logger: Logger) {
        self.file = file
        self.what = what
        self.limit = limit
        self.logger = logger
        queue = DispatchQueue(label: "poled.\(what)")
    }

    /// Hands `bytes` to the writer's queue; never waits.
    func submit(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        let accepted = state.withLock { state in
            guard !state.failed else { return false }
            guard state.waitingBytes + bytes.count <= limit else {
                state.dropped += bytes.count
                return false
            }
            state.waitingBytes += bytes.count
            return true
        }
        guard accepted else { return }
        queue.async { [self] in
            do {
                try file.write(bytes)
                let dropped = state.withLock { state in
                    state.waitingBytes -= bytes.count
                    defer { state.dropped = 0 }
                    return state.dropped
                }
                if dropped > 0 {
                    logger.warning("the \(what) fell behind its reader; bytes were left out", metadata: ["bytes": "\(dropped)"])
                }
            } catch {
                let first = state.withLock { state in
                    defer { state.failed = true }
                    return !state.failed
                }
                if first { logger.error("could not write the \(what); it stops, the pole runs on", metadata: ["error": "\(error)"]) }
            }
        }
    }

    /// Waits up to `timeoutMs` for the waiting bytes to be written; `false` when they were not (a
    /// reader that never reads again must not keep the daemon from exiting).
    @discardableResult
    func finish(timeoutMs: Int) -> Bool {
        let done = DispatchSemaphore(value: 0)
        queue.async { done.signal() }
        return done.wait(timeout: .now() + .milliseconds(timeoutMs)) == .success
    }
}
