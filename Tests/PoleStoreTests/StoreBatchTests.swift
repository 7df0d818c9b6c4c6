import PoleCore
@testable import PoleStore
import Testing

/// When a batch is written: faults and audits at once, other events after the flush interval, air
/// minutes after their own, longer one.
@Suite struct StoreBatchTests {
    private func isDue(_ batch: StoreBatch, at ms: Int64) -> Bool {
        batch.isDue(atMs: ms, flushIntervalMs: 30_000, airFlushIntervalMs: 300_000)
    }

    @Test func anEmptyBatchIsNeverDue() {
        #expect(!isDue(StoreBatch(), at: 1_000_000))
    }

    @Test func faultsClearsAndAuditsAreDueAtOnce() {
        for event: Event in [.faultRaised(.conflict), .faultCleared(.conflict, by: "uid 0", reason: nil), .audit(command: "maintenance on", by: "uid 0", reason: nil, outcome: .done("ok"))] {
            var batch = StoreBatch()
            batch.add([event], utcMs: 0, monotonicMs: 0, atMs: 100)
            #expect(isDue(batch, at: 100), "\(event)")
        }
    }

    @Test func aFaultThatClearsItselfWaitsLikeOtherEvents() {
        var batch = StoreBatch()
        batch.add([.faultRaised(.lampOut), .faultCleared(.lampOut, by: nil, reason: nil)], utcMs: 0, monotonicMs: 0, atMs: 0)
        #expect(!isDue(batch, at: 29_999), "a flapping lamp must not cost a synced write each time")
        #expect(isDue(batch, at: 30_000))
    }

    @Test func otherEventsWaitTheFlushInterval() {
        var batch = StoreBatch()
        batch.add([.night(true)], utcMs: 0, monotonicMs: 0, atMs: 1_000)
        batch.add([.alert(.advisory)], utcMs: 0, monotonicMs: 0, atMs: 20_000)
        #expect(!isDue(batch, at: 30_999))
        #expect(isDue(batch, at: 31_000), "counted from the oldest")
    }

    @Test func airMinutesWaitTheirOwnIntervalUnlessSomethingElseIsWritten() {
        var batch = StoreBatch()
        for minute in 0..<4 {
            batch.add([.airMinute(AirMinute(pm1: 1, pm2_5: 2, pm10: 3))], utcMs: 0, monotonicMs: 0, atMs: Int64(minute) * 60_000)
        }
        #expect(!isDue(batch, at: 299_999))
        #expect(isDue(batch, at: 300_000))
        batch.markWaiting(atMs: 200_000)
        #expect(isDue(batch, at: 230_000), "lamp counters or acknowledgements take the air minutes with them")
    }

    @Test func headChangesAreNotTheStores() {
        var batch = StoreBatch()
        batch.add([.head(.green)], utcMs: 0, monotonicMs: 0, atMs: 0)
        #expect(batch.isEmpty && !isDue(batch, at: 1_000_000))
    }

    @Test func mergingKeepsTheOldestWaits() {
        var older = StoreBatch()
        older.add([.night(false)], utcMs: 0, monotonicMs: 0, atMs: 5_000)
        var newer = StoreBatch()
        newer.add([.airMinute(AirMinute(pm1: 1, pm2_5: 2, pm10: 3))], utcMs: 0, monotonicMs: 0, atMs: 9_000)
        newer.lampCounters = LampCounters(switchOns: 3, burningMs: 1)
        older.merge(newer)
        #expect(older.waitingSinceMs == 5_000 && older.airWaitingSinceMs == 9_000)
        #expect(older.lampCounters == LampCounters(switchOns: 3, burningMs: 1))
    }
}
