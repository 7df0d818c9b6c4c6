import Glibc

/// SIGINT and SIGTERM as a value the loop polls once a tick, instead of a handler that races it.
///
/// `block()` must run before any other thread starts, so every thread inherits the mask and the
/// signals stay pending until the loop takes them with a zero-timeout `sigtimedwait`. No global
/// state, no async-signal-safety puzzles, and the loop finishes its tick before it stops.
public struct ShutdownSignals: Sendable {
    private let set: sigset_t

    private init(set: sigset_t) {
        self.set = set
    }

    /// Blocks SIGINT and SIGTERM for this thread and every thread it starts.
    public static func block() -> ShutdownSignals {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &set, nil)
        return ShutdownSignals(set: set)
    }

    /// The name of a pending shutdown signal, taking it, or `nil` if none is pending.
    public func takePending() -> String? {
        var set = self.set
        var immediately = timespec(tv_sec: 0, tv_nsec: 0)
        switch sigtimedwait(&set, nil, &immediately) {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return nil
        }
    }
}
