public import PoleCore

/// The store as a simulation uses it: the daemon's batching, decided in virtual time on the
/// simulation's one thread, so a simulated day writes what a real day would (the write-budget
/// benchmark measures it), retention by the same rules (never counting from before the site's
/// `clock.min_valid`), and the same scenario writes the same rows.
public struct SimulatedStore {
    private let keeper: StoreKeeper
    private let settings: StoreService.StoreSettingsValues
    private var batch = StoreBatch()
    private var lastRetentionMs: Int64 = 0
    private var lastCountersMs: Int64 = 0
    /// Transactions written.
    public private(set) var writes = 0

    /// A simulation's store from `start`; a `store.rows-lost` event found at start is written first.
    public init(start: StoreStart, settings: StoreService.StoreSettingsValues) {
        keeper = start.keeper
        self.settings = settings
        if let lost = start.lostRows {
            batch.events.append(lost)
            batch.isUrgent = true
        }
    }

    /// Adds a tick's events (and every 10 minutes the lamp counters, as the daemon does) and writes
    /// when the batch is due (`StoreBatch.isDue`); retention runs hourly.
    public mutating func record(_ events: [Event], lampCounters: LampCounters?, atMs: Int64, utcMs: Int64) throws(SQLiteError) {
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
                nowUtcMs: utcMs, validFromUtcMs: settings.validFromUtcMs, keepEventsMs: settings.keepEventsMs, keepAirMs: settings.keepAirMs, maxBytes: settings.maxBytes
            )
        }
    }

    /// Queues the latched set that changed this tick, to be written at once (invariant 5).
    public mutating func latchedFaultsChanged(to latched: [Fault]) {
        batch.latchedFaults = latched
        batch.isUrgent = true
    }

    /// Writes what waits, if anything.
    mutating func flush() throws(SQLiteError) {
        guard !batch.isEmpty else { return }
        try keeper.write(batch)
        batch = StoreBatch()
        writes += 1
    }

    /// Writes what waits, with the final lamp counters, and closes the store as a clean stop does.
    public mutating func finish(lampCounters: LampCounters?) throws(SQLiteError) {
        batch.lampCounters = lampCounters
        try flush()
        keeper.close()
    }
}
