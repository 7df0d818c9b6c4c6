import PoleHAL

/// Something due every `interval` (systemd's watchdog, the status notice, the kernel clock check);
/// never due without an interval.
struct NotifyCadence {
    let intervalNanoseconds: UInt64?
    private var lastNanoseconds: UInt64?

    init(intervalNanoseconds: UInt64?) {
        self.intervalNanoseconds = intervalNanoseconds
    }

    mutating func isDue(_ now: MonotonicInstant) -> Bool {
        guard let interval = intervalNanoseconds else { return false }
        if let last = lastNanoseconds, now.nanoseconds - last < interval { return false }
        lastNanoseconds = now.nanoseconds
        return true
    }
}
