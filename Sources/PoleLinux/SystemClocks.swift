import Glibc
public import PoleHAL

/// `CLOCK_MONOTONIC` with absolute-deadline sleeps: the control loop's real time.
///
/// Sleeping with `clock_nanosleep(TIMER_ABSTIME)` to an absolute deadline means the work done in a
/// tick never shifts the next one, and a signal that interrupts the sleep resumes it to the same
/// deadline instead of drifting.
public struct SystemMonotonicClock: MonotonicClock, Sendable {
    public init() {}

    public func now() -> MonotonicInstant {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return MonotonicInstant(nanoseconds: UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec))
    }

    public mutating func sleep(until deadline: MonotonicInstant) {
        var spec = timespec(
            tv_sec: Int(deadline.nanoseconds / 1_000_000_000),
            tv_nsec: Int(deadline.nanoseconds % 1_000_000_000)
        )
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &spec, nil) == EINTR {}
    }
}

/// `CLOCK_REALTIME`: the wall clock as the kernel keeps it (NTP-disciplined, or not).
public struct SystemUTCClock: UTCClock, Sendable {
    public init() {}

    public func now() -> UTCInstant {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UTCInstant(seconds: Int64(spec.tv_sec), nanoseconds: Int32(spec.tv_nsec))
    }
}
