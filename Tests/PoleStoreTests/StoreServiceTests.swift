import Glibc
import Logging
import PoleLinux
import PoleCore
@testable import PoleStore
import Testing

/// The daemon's side of the store: queued without waiting, written in batches, readable meanwhile.
@Suite struct StoreServiceTests {
    private func service(flushIntervalMs: Int64 = 600_000, queuesUplink: Bool = false) -> StoreService {
        let path = StoreDatabaseTests.temporaryDirectory() + "/poled.sqlite"
        return StoreService(
            start: StoreKeeper.start(path: path, queuesUplink: queuesUplink, utcMs: 0),
            settings: .init(
                flushIntervalMs: flushIntervalMs, airFlushIntervalMs: flushIntervalMs, keepEventsMs: 365 * 86_400_000, keepAirMs: 30 * 86_400_000, maxBytes: 64 << 20,
                validFromUtcMs: 0
            ),
            logger: Logger(label: "test"), clock: SystemMonotonicClock(), wallClock: SystemUTCClock(), utcNow: { 1_800_000_000_000 }
        )
    }

    private func waitUntil(_ condition: () throws -> Bool) rethrows -> Bool {
        for _ in 0..<200 {
            if try condition() { return true }
            usleep(10_000)
        }
        return false
    }

    @Test func aQueuedEventIsReadableBeforeItIsWrittenAndGetsItsIdAfter() throws {
        let store = service()
        store.record([.night(true)], utcMs: 1_800_000_000_000, monotonicMs: 10)
        let waiting = try store.events(sinceUtcMs: nil, limit: 10)
        #expect(waiting.map(\.name) == ["night"] && waiting.first?.id == nil, "not urgent: waits for the flush interval")
        store.stop(timeoutMs: 5_000)
        #expect(try store.events(sinceUtcMs: nil, limit: 10).first?.id == 1, "written at stop")
    }

    @Test func aSecondStopDoesNothingMore() throws {
        let store = service()
        store.record([.faultRaised(.conflict)], utcMs: 1_800_000_000_000, monotonicMs: 10)
        #expect(store.stop(timeoutMs: 5_000))
        #expect(store.stop(timeoutMs: 0), "already stopped: nothing to wait for")
        #expect(try store.events(sinceUtcMs: nil, limit: 10).map(\.id) == [1])
    }

    @Test func faultsAndAuditsAreWrittenAtOnce() throws {
        let store = service()
        store.record([.night(true), .faultRaised(.conflict)], utcMs: 1_800_000_000_000, monotonicMs: 10)
        #expect(try waitUntil { try store.events(sinceUtcMs: nil, limit: 10).allSatisfy { $0.id != nil } }, "the urgent batch takes the rest with it")
        store.stop(timeoutMs: 5_000)
    }

    @Test func acknowledgedMessagesLeaveTheOutboxAndAreNotOfferedAgain() throws {
        let store = service(queuesUplink: true)
        store.record([.faultRaised(.conflict), .faultRaised(.floorBothLit)], utcMs: 1_800_000_000_000, monotonicMs: 10)
        #expect(waitUntil { store.outbox(afterID: 0, limit: 10).count == 2 })
        let first = store.outbox(afterID: 0, limit: 10)[0].id
        store.acknowledge(first)
        #expect(store.outbox(afterID: 0, limit: 10).map(\.id) == [first + 1], "hidden while its deletion waits")
        store.stop(timeoutMs: 5_000)
        #expect(store.statistics().statistics?.outbox == 1, "counted at the last write")
    }
}
