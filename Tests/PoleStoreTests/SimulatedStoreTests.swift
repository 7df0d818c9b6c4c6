import PoleCore
@testable import PoleStore
import Testing

/// The simulation's store keeps the daemon's rules, so a simulated run writes and keeps what a real
/// one would.
@Suite struct SimulatedStoreTests {
    private static let day: Int64 = 86_400_000

    private func settings(validFromUtcMs: Int64) -> StoreService.StoreSettingsValues {
        .init(
            flushIntervalMs: 1_000, airFlushIntervalMs: 1_000, keepEventsMs: Self.day, keepAirMs: Self.day, maxBytes: 64 << 20,
            validFromUtcMs: validFromUtcMs
        )
    }

    /// Records `events` (each at its monotonic and wall-clock ms), reaches the first hourly
    /// retention two days after the last, and stops as a simulation does.
    private func simulate(path: String, validFromUtcMs: Int64, events: [(atMs: Int64, utcMs: Int64, event: Event)]) throws {
        var store = SimulatedStore(
            start: StoreStart.open(path: path, queuesUplink: false, utcMs: 0), settings: settings(validFromUtcMs: validFromUtcMs)
        )
        for (atMs, utcMs, event) in events {
            try store.record([event], latched: nil, lampCounters: nil, atMs: atMs, utcMs: utcMs)
        }
        try store.record([], latched: nil, lampCounters: nil, atMs: StoreService.retentionIntervalMs, utcMs: validFromUtcMs + 2 * Self.day + 1_000)
        try store.finish(lampCounters: nil)
    }

    /// A scenario that starts with the clock unset (a Pi booting without an RTC reads 1970) and then
    /// gets a valid clock: the rows written meanwhile are not judged by their age, as in the daemon.
    @Test func retentionNeverJudgesRowsStampedBeforeTheClockWasValid() throws {
        let path = StoreDatabaseTests.temporaryDirectory() + "/poled.sqlite"
        let validFrom: Int64 = 1_700_000_000_000
        try simulate(path: path, validFromUtcMs: validFrom, events: [
            (0, 5_000, .faultRaised(.conflict)), (1_000, validFrom - 3 * Self.day, .faultRaised(.floorBothLit)),
            (2_000, validFrom + 2 * Self.day, .faultRaised(.floorLampOut)),
        ])
        let kept = try StoreDatabase.open(path: path, queuesUplink: false, utcMs: validFrom).store.events(sinceUtcMs: nil, limit: 10)
        #expect(kept.compactMap { $0.fields["fault"] } == ["conflict", "floor-both-lit", "floor-lamp-out"])
    }

    @Test func retentionDeletesByAgeOnceTheClockIsValid() throws {
        let path = StoreDatabaseTests.temporaryDirectory() + "/poled.sqlite"
        let validFrom: Int64 = 1_700_000_000_000
        try simulate(path: path, validFromUtcMs: validFrom, events: [
            (0, validFrom, .faultRaised(.conflict)), (1_000, validFrom + 2 * Self.day, .faultRaised(.floorLampOut)),
        ])
        let kept = try StoreDatabase.open(path: path, queuesUplink: false, utcMs: validFrom).store.events(sinceUtcMs: nil, limit: 10)
        #expect(kept.compactMap { $0.fields["fault"] } == ["floor-lamp-out"])
    }
}
