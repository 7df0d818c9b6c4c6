import CUnixSocket
import Glibc
import PoleCore
import PoleStore
import Synchronization

/// Where the control socket's thread and the control loop meet, without either waiting on the other.
///
/// The loop publishes snapshots and events here and takes pending commands once a tick; every lock
/// is held only to copy a value in or out, so the loop never waits longer than a copy. The socket's thread answers reads from the last snapshot and learns that a
/// command's outcome is ready through a pipe it polls. Nothing here can stall a tick.
final class ControlMailbox: Sendable {
    /// A mutating request waiting for the loop.
    enum Pending: Sendable, Hashable {
        /// A command for the core.
        case command(Command)
        /// Start the particulate sensor's fan cleaning, asked by `by`.
        case cleanSensor(by: String)
    }

    private let snapshot = Mutex<ControlSnapshot?>(nil)
    private let log = Mutex(EventLog())
    private let inbox = Mutex<[(id: UInt64, request: Pending)]>([])
    private let answers = Mutex<[UInt64: CommandOutcome]>([:])
    /// Written by the loop when an answer is ready, read by the socket's poll loop.
    let wakeRead: Int32
    private let wakeWrite: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if poled_pipe_nonblocking(&fds) != 0 { fatalError("pipe2 failed: errno \(errno)") }
        wakeRead = fds[0]
        wakeWrite = fds[1]
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    // MARK: the loop's side

    func publish(_ value: ControlSnapshot) {
        snapshot.withLock { $0 = value }
    }

    func record(_ events: [Event], utcMs: Int64, monotonicMs: Int64) {
        guard events.contains(where: EventLog.keeps) else { return }
        log.withLock { $0.append(events, utcMs: utcMs, monotonicMs: monotonicMs) }
    }

    /// The requests posted since the last call; an empty array (no allocation) when there are none.
    func takePending() -> [(id: UInt64, request: Pending)] {
        inbox.withLock { pending in
            guard !pending.isEmpty else { return [] }
            defer { pending.removeAll() }
            return pending
        }
    }

    func answer(_ id: UInt64, _ outcome: CommandOutcome) {
        answers.withLock { $0[id] = outcome }
        wake()
    }

    /// Wakes the socket's poll loop (also used to make it notice a stop).
    func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    // MARK: the socket's side

    var latest: ControlSnapshot? {
        snapshot.withLock { $0 }
    }

    func events(sinceMonotonicMs: Int64?) -> [EventLog.Entry] {
        let copy = log.withLock { $0 }
        return copy.entries(sinceMonotonicMs: sinceMonotonicMs)
    }

    func post(_ id: UInt64, _ request: Pending) {
        inbox.withLock { $0.append((id, request)) }
    }

    func takeAnswer(_ id: UInt64) -> CommandOutcome? {
        answers.withLock { $0.removeValue(forKey: id) }
    }

    /// Forgets the answers to `tickets`, whose clients went away; returns those still awaited.
    func discardAnswers(_ tickets: Set<UInt64>) -> Set<UInt64> {
        answers.withLock { answers in
            tickets.filter { answers.removeValue(forKey: $0) == nil }
        }
    }

    func drainWake() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }
}
