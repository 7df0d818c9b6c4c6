/// A point on a monotonic clock, in nanoseconds from an arbitrary origin (boot, or a simulation's start).
public struct MonotonicInstant: Sendable, Hashable, Comparable {
    /// Nanoseconds since the clock's origin.
    public var nanoseconds: UInt64

    public init(nanoseconds: UInt64) {
        self.nanoseconds = nanoseconds
    }

    /// Whole milliseconds since the clock's origin.
    public var milliseconds: Int64 { Int64(nanoseconds / 1_000_000) }

    /// This instant moved later by `nanoseconds`.
    public func advanced(byNanoseconds delta: UInt64) -> MonotonicInstant {
        MonotonicInstant(nanoseconds: nanoseconds + delta)
    }

    public static func < (lhs: MonotonicInstant, rhs: MonotonicInstant) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }
}

/// A clock that never goes backwards and can wait for an absolute deadline.
///
/// Exists so the control loop keeps absolute deadlines without knowing whether time is real
/// (`CLOCK_MONOTONIC` with `clock_nanosleep(TIMER_ABSTIME)`) or virtual (a simulation, where waiting
/// simply moves the clock to the deadline).
public protocol MonotonicClock {
    /// The current instant.
    func now() -> MonotonicInstant

    /// Returns at `deadline` or as soon after it as the clock allows; returns at once if it has passed.
    mutating func sleep(until deadline: MonotonicInstant)
}

/// A wall-clock time: seconds and nanoseconds since 1970-01-01T00:00:00Z, leap seconds not counted.
public struct UTCInstant: Sendable, Hashable, Comparable {
    /// Whole seconds since the Unix epoch.
    public var seconds: Int64
    /// Nanoseconds within the second, 0…999 999 999.
    public var nanoseconds: Int32

    public init(seconds: Int64, nanoseconds: Int32 = 0) {
        precondition(nanoseconds >= 0, "UTC nanoseconds below zero")
        precondition(nanoseconds < 1_000_000_000, "UTC nanoseconds past one second")
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    public static func < (lhs: UTCInstant, rhs: UTCInstant) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}

/// The wall clock, which can jump (NTP, a technician, a Pi booting without an RTC).
///
/// Exists separately from `MonotonicClock` because the two answer different questions: the monotonic
/// clock measures intervals, the UTC clock says where the sun is. Nothing schedules on UTC.
public protocol UTCClock {
    /// The current wall-clock time.
    func now() -> UTCInstant
}

extension UTCInstant {
    /// Whole milliseconds since the Unix epoch.
    public var unixMilliseconds: Int64 { seconds * 1_000 + Int64(nanoseconds / 1_000_000) }
}
