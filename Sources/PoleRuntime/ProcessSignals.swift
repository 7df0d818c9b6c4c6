import Glibc

/// SIGINT, SIGTERM and SIGHUP as values the loop polls once a tick, instead of handlers that race it.
///
/// `block()` must run before any other thread starts, so every thread inherits the mask and the
/// signals stay pending until the loop takes them with a zero-timeout `sigtimedwait`. No global
/// state, no async-signal-safety puzzles, and the loop finishes its tick before it acts.
public struct ProcessSignals: Sendable {
    /// What a pending signal asks for.
    public enum Request: Sendable, Hashable {
        /// SIGINT or SIGTERM: drive outputs safe and exit 0.
        case stop(signal: String)
        /// SIGHUP: reload the site file.
        case reload
    }

    private let set: sigset_t

    private init(set: sigset_t) {
        self.set = set
    }

    /// Blocks SIGINT, SIGTERM and SIGHUP for this thread and every thread it starts.
    public static func block() -> ProcessSignals {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGHUP)
        pthread_sigmask(SIG_BLOCK, &set, nil)
        return ProcessSignals(set: set)
    }

    /// The request of a pending signal, taking it, or `nil` if none is pending.
    public func takePending() -> Request? {
        var set = self.set
        var immediately = timespec(tv_sec: 0, tv_nsec: 0)
        switch sigtimedwait(&set, nil, &immediately) {
        case SIGINT: return .stop(signal: "SIGINT")
        case SIGTERM: return .stop(signal: "SIGTERM")
        case SIGHUP: return .reload
        default: return nil
        }
    }
}
