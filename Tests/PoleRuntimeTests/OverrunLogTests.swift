import PoleHAL
@testable import PoleRuntime
import Testing

@Suite struct OverrunLogTests {
    private func timing(atMs: Int64, missed: Int) -> TickTiming {
        let instant = MonotonicInstant(nanoseconds: UInt64(atMs) * 1_000_000)
        return TickTiming(deadline: instant, woke: instant, elapsedMs: atMs, missedTicks: missed)
    }

    @Test func overrunsAreReportedAtMostOnceEveryTenSecondsWithTheirSum() {
        var log = OverrunLog()
        #expect(log.record(timing(atMs: 0, missed: 0)) == nil)
        #expect(log.record(timing(atMs: 100, missed: 2)) == 2)
        #expect(log.record(timing(atMs: 200, missed: 1)) == nil)
        #expect(log.record(timing(atMs: 5_000, missed: 3)) == nil)
        #expect(log.record(timing(atMs: 10_100, missed: 0)) == 4)
        #expect(log.record(timing(atMs: 30_000, missed: 0)) == nil)
    }
}
