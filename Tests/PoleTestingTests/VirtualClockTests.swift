import PoleHAL
import PoleTesting
import Testing

@Suite struct VirtualClockTests {
    private func monotonic(_ clock: VirtualClock) -> MonotonicInstant { clock.now() }
    private func utc(_ clock: VirtualClock) -> UTCInstant { clock.now() }

    @Test func startsWhereItIsTold() {
        let clock = VirtualClock(monotonic: MonotonicInstant(nanoseconds: 7), utc: UTCInstant(seconds: 1_795_597_200))
        #expect(monotonic(clock).nanoseconds == 7)
        #expect(utc(clock) == UTCInstant(seconds: 1_795_597_200))
        #expect(clock.sleeps.isEmpty)
    }

    @Test func advanceMovesBothClocks() {
        let clock = VirtualClock(utc: UTCInstant(seconds: 100))
        clock.advance(byNanoseconds: 2_500_000_000)
        #expect(monotonic(clock).nanoseconds == 2_500_000_000)
        #expect(utc(clock) == UTCInstant(seconds: 102, nanoseconds: 500_000_000))
    }

    @Test func advanceCarriesNanosecondsIntoSeconds() {
        let clock = VirtualClock(utc: UTCInstant(seconds: 10, nanoseconds: 900_000_000))
        clock.advance(byNanoseconds: 200_000_000)
        #expect(utc(clock) == UTCInstant(seconds: 11, nanoseconds: 100_000_000))
        clock.advance(byNanoseconds: 900_000_000)
        #expect(utc(clock) == UTCInstant(seconds: 12, nanoseconds: 0))
    }

    @Test func sleepJumpsToAFutureDeadlineAndRecordsIt() {
        let clock = VirtualClock()
        let deadline = MonotonicInstant(nanoseconds: 20_000_000)
        clock.sleep(until: deadline)
        #expect(monotonic(clock) == deadline)
        #expect(utc(clock) == UTCInstant(seconds: 0, nanoseconds: 20_000_000))
        #expect(clock.sleeps == [deadline])
    }

    @Test func sleepToAPastDeadlineReturnsAtOnceButIsRecorded() {
        let clock = VirtualClock(monotonic: MonotonicInstant(nanoseconds: 50_000_000))
        clock.sleep(until: MonotonicInstant(nanoseconds: 20_000_000))
        #expect(monotonic(clock).nanoseconds == 50_000_000)
        #expect(clock.sleeps == [MonotonicInstant(nanoseconds: 20_000_000)])
    }

    @Test func workTimePassesAfterEachSleep() {
        let clock = VirtualClock()
        clock.workNanosecondsPerSleep = 3_000_000
        clock.sleep(until: MonotonicInstant(nanoseconds: 20_000_000))
        #expect(monotonic(clock).nanoseconds == 23_000_000)
        clock.sleep(until: MonotonicInstant(nanoseconds: 40_000_000))
        #expect(monotonic(clock).nanoseconds == 43_000_000)
        #expect(utc(clock) == UTCInstant(seconds: 0, nanoseconds: 43_000_000))
        #expect(clock.sleeps.map(\.nanoseconds) == [20_000_000, 40_000_000])
    }

    @Test func overrunningWorkMakesTheNextDeadlineAlreadyPast() {
        let clock = VirtualClock()
        clock.workNanosecondsPerSleep = 25_000_000
        clock.sleep(until: MonotonicInstant(nanoseconds: 20_000_000))
        #expect(monotonic(clock).nanoseconds == 45_000_000)
        // The 40 ms deadline has passed: no jump, only the work time.
        clock.sleep(until: MonotonicInstant(nanoseconds: 40_000_000))
        #expect(monotonic(clock).nanoseconds == 70_000_000)
    }
}
