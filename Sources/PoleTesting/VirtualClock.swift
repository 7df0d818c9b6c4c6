public import PoleHAL

/// A hand-driven monotonic and UTC clock for tests: time moves only when the test says so.
///
/// `sleep(until:)` jumps to the deadline, then adds `workNanosecondsPerSleep` to model the time a
/// tick's work takes, so scheduler tests can make ticks overrun on purpose.
public final class VirtualClock: MonotonicClock, UTCClock {
    public private(set) var monotonic: MonotonicInstant
    public var utc: UTCInstant
    /// Extra time that passes after each sleep returns (a tick's work).
    public var workNanosecondsPerSleep: UInt64 = 0
    /// Every deadline slept to, in order.
    public private(set) var sleeps: [MonotonicInstant] = []

    public init(monotonic: MonotonicInstant = MonotonicInstant(nanoseconds: 0), utc: UTCInstant = UTCInstant(seconds: 0)) {
        self.monotonic = monotonic
        self.utc = utc
    }

    /// Moves both clocks forward.
    public func advance(byNanoseconds delta: UInt64) {
        monotonic = monotonic.advanced(byNanoseconds: delta)
        let total = Int64(utc.nanoseconds) + Int64(delta % 1_000_000_000)
        utc = UTCInstant(
            seconds: utc.seconds + Int64(delta / 1_000_000_000) + total / 1_000_000_000,
            nanoseconds: Int32(total % 1_000_000_000)
        )
    }

    public func now() -> MonotonicInstant { monotonic }

    public func now() -> UTCInstant { utc }

    public func sleep(until deadline: MonotonicInstant) {
        sleeps.append(deadline)
        if deadline > monotonic { advance(byNanoseconds: deadline.nanoseconds - monotonic.nanoseconds) }
        advance(byNanoseconds: workNanosecondsPerSleep)
    }
}
