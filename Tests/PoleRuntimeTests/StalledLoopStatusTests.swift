import PoleCore
import PoleJSON
import PoleProtocol
@testable import PoleRuntime
import Testing

/// A loop that stops publishing is reported stalled, from the age the socket's thread measures on
/// its own clock: not healthy, whatever the last snapshot says.
@Suite struct StalledLoopStatusTests {
    private func snapshot(stallAfterMs: Int64) -> ControlSnapshot {
        var snapshot = ControlSnapshot(
            siteID: "test", boardFile: "boards/sim.toml", backend: "sim", processID: 1, utcMs: 0, uptimeMs: 60_000,
            publishedMonotonicMs: 1_000, tickMs: 20, ticks: 3_000, overruns: 0, latenessMaxMicroseconds: 100, head: .red, outputs: .safe,
            night: false, latched: [], active: [], maintenance: Maintenance(), hasLamp: false, hasAir: false, airMinute: nil,
            alert: .none, sensors: [], lines: []
        )
        snapshot.stallAfterMs = stallAfterMs
        return snapshot
    }

    @Test func aSnapshotOlderThanTheWatchdogPeriodIsAStalledLoop() {
        let fresh = ControlAnswers.status(snapshot(stallAfterMs: 2_000), ageMs: 150, store: nil, uplink: nil).json
        #expect(fresh["loop"]?["stalled"] == .bool(false) && fresh["healthy"] == .bool(true))
        let stale = ControlAnswers.status(snapshot(stallAfterMs: 2_000), ageMs: 2_001, store: nil, uplink: nil).json
        #expect(stale["loop"]?["stalled"] == .bool(true), "older than the watchdog's period")
        #expect(stale["healthy"] == .bool(false), "polectl status exits 1 on an unhealthy pole")
        #expect(stale["daemon"]?["snapshot_age_ms"] == .integer(2_001))
        #expect(ControlAnswers.status(snapshot(stallAfterMs: 10_000), ageMs: 5_000, store: nil, uplink: nil).json["loop"]?["stalled"] == .bool(false), "a longer watchdog period")
    }
}
