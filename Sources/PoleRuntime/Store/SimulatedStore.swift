import PoleConfig
import PoleCore

/// The store as a simulation uses it: the daemon's batching, decided in virtual time on the
/// simulation's one thread, so a simulated day writes what a real day would (the write-budget
/// benchmark measures it) and the same scenario writes the same rows.
struct SimulatedStore {
    let keeper: StoreKeeper
    let settings: StoreSettings
    var batch = StoreBatch()
    var lastRetentionMs: Int64 = 0
    var lastCountersMs: Int64 = 0
    /// Transactions written.
    var writes = 0

    /// A simulation's store from `start`; a `store.rows-lost` event found at start is written first.
    init(start: StoreStart, settings: StoreSettings) {
        keeper = start.keeper
        self.settings = settings
        if let lost = start.lostRows {
            batch.events.append(lost)
            batch.isUrgent = true
        }
    }

    /// Adds a tick's events (and every 10 minutes the lamp counters, as the daemon does) and writes
    /// when the batch is due (`StoreBatch.isDue`); retention runs hourly.
    mutating func record(_ events: [Event], lampCounters: LampCounters?, atMs: Int64, utcMs: Int64) throws(SQLiteError) {
        if !events.isEmpty { batch.add(events, utcMs: utcMs, monotonicMs: atMs, atMs: atMs) }
        if let lampCounters, atMs - lastCountersMs >= 600_000 {
            batch.lampCounters = lampCounters
            batch.markWaiting(atMs: atMs)
            lastCountersMs = atMs
        }
        if batch.isDue(atMs: atMs, flushIntervalMs: settings.flushIntervalMs, airFlushIntervalMs: settings.airFlushIntervalMs) {
            try flush()
        }
        if atMs - lastRetentionMs >= StoreService.retentionIntervalMs {
            lastRetentionMs = atMs
            _ = try keeper.retain(
                nowUtcMs: utcMs, validFromUtcMs: 0, keepEventsMs: settings.keepEventsMs, keepAirMs: settings.keepAirMs, maxBytes: settings.maxBytes
            )
        }
    }

    /// Writes what waits, if anything.
    mutating func flush() throws(SQLiteError) {
        guard !batch.isEmpty else { return }
        try keeper.write(batch)
        batch = StoreBatch()
        writes += 1
    }

    /// Writes what waits and closes the store as a clean stop does.
    mutating func finish() throws(SQLiteError) {
        try flush()
        keeper.close()
    }
}
