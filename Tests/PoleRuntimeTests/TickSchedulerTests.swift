import PoleHAL
import PoleRuntime
import PoleTesting
import Testing

@Suite struct TickSchedulerTests {
    @Test func deadlinesAreAbsoluteSoWorkTimeDoesNotShiftTheGrid() {
        let clock = VirtualClock(monotonic: MonotonicInstant(nanoseconds: 5_000_000))
        clock.workNanosecondsPerSleep = 7_000_000
        var scheduler = TickScheduler(clock: clock, periodMs: 20)
        let first = scheduler.waitForNextTick()
        #expect(first.elapsedMs == 0)
        for _ in 0..<4 { _ = scheduler.waitForNextTick() }
        #expect(clock.sleeps.map(\.nanoseconds) == [25, 45, 65, 85].map { UInt64($0) * 1_000_000 })
        #expect(scheduler.overruns == 0)
        #expect(scheduler.ticks == 5)
    }

    @Test func theFirstTickStartsAtOnce() {
        let clock = VirtualClock()
        var scheduler = TickScheduler(clock: clock, periodMs: 20)
        _ = scheduler.waitForNextTick()
        #expect(clock.sleeps.isEmpty)
    }

    @Test func anOverrunIsCountedAndTicksAreNotRunTwiceToCatchUp() {
        let clock = VirtualClock()
        var scheduler = TickScheduler(clock: clock, periodMs: 20)
        _ = scheduler.waitForNextTick()
        clock.advance(byNanoseconds: 65_000_000)
        let late = scheduler.waitForNextTick()
        #expect(late.missedTicks == 2, "the deadlines at 20 ms and 40 ms passed unserved")
        #expect(late.deadline.nanoseconds == 60_000_000, "runs once, for the last grid point it woke past")
        #expect(scheduler.overruns == 2)
        let next = scheduler.waitForNextTick()
        #expect(next.deadline.nanoseconds == 80_000_000)
        #expect(next.missedTicks == 0)
    }

    @Test func latenessIsMeasuredAgainstTheDeadline() {
        let clock = VirtualClock()
        clock.workNanosecondsPerSleep = 300_000
        var scheduler = TickScheduler(clock: clock, periodMs: 10)
        _ = scheduler.waitForNextTick()
        let timing = scheduler.waitForNextTick()
        #expect(timing.latenessNanoseconds == 300_000)
        #expect(timing.elapsedMs == 10)
    }
}
