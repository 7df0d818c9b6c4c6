public import PoleHAL

/// When one tick started, measured against its deadline.
public struct TickTiming: Sendable, Hashable {
    /// The deadline this tick was scheduled for.
    public var deadline: MonotonicInstant
    /// When the loop woke for it.
    public var woke: MonotonicInstant
    /// Ms since the loop started, on the tick's wake-up: the time the core is given.
    public var elapsedMs: Int64
    /// Whole periods skipped because the previous tick overran.
    public var missedTicks: Int

    /// How late the wake-up was, in ns.
    public var latenessNanoseconds: UInt64 { woke.nanoseconds - deadline.nanoseconds }
}

/// Absolute-deadline tick scheduling (docs/architecture.md, "Loop timing") over any monotonic clock.
///
/// Deadlines are `origin + n × period`, never "sleep a period after the work", so work time never
/// shifts the grid. A tick that overruns is counted; the scheduler then resumes at the next deadline
/// still ahead and never runs ticks back to back to catch up.
public struct TickScheduler<Clock: MonotonicClock> {
    public private(set) var clock: Clock
    public let periodNanoseconds: UInt64
    private var origin: MonotonicInstant?
    private var nextDeadline = MonotonicInstant(nanoseconds: 0)
    /// Ticks started so far.
    public private(set) var ticks: UInt64 = 0
    /// Deadlines missed because a tick overran.
    public private(set) var overruns: UInt64 = 0

    public init(clock: Clock, periodMs: Int64) {
        precondition(periodMs > 0, "tick period must be positive")
        self.clock = clock
        periodNanoseconds = UInt64(periodMs) * 1_000_000
    }

    /// Waits for the next deadline (the first returns at once) and says how the wake-up went.
    public mutating func waitForNextTick() -> TickTiming {
        guard let origin else {
            let now = clock.now()
            origin = now
            nextDeadline = now.advanced(byNanoseconds: periodNanoseconds)
            ticks = 1
            return TickTiming(deadline: now, woke: now, elapsedMs: 0, missedTicks: 0)
        }
        clock.sleep(until: nextDeadline)
        let woke = max(clock.now(), nextDeadline)
        let missed = (woke.nanoseconds - nextDeadline.nanoseconds) / periodNanoseconds
        let deadline = nextDeadline.advanced(byNanoseconds: missed * periodNanoseconds)
        nextDeadline = deadline.advanced(byNanoseconds: periodNanoseconds)
        overruns += missed
        ticks += 1
        let elapsed = Int64((woke.nanoseconds - origin.nanoseconds) / 1_000_000)
        return TickTiming(deadline: deadline, woke: woke, elapsedMs: elapsed, missedTicks: Int(missed))
    }
}
