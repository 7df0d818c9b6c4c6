import Dispatch
import PoleLinux
public import Logging
public import PoleCore
import Synchronization

/// The live daemon's store: the loop hands it events and state without waiting, and a queue of its
/// own writes them in batches (DESIGN.md §3: the loop never blocks on I/O).
///
/// A batch is written when an event in it has waited `store.flush_interval`, an air minute
/// `store.air_flush_interval`, or at once when a latching fault, its clear, a change in the latched
/// set or an audited command is among them; a failed write keeps the batch (still due) and the
/// one-second timer tries it again.
/// Reads (`polectl events`, the uplink's outbox) see what is stored and what still waits, so an
/// event is never missing from an answer because it has not reached the card yet.
public final class StoreService: Sendable {
    private struct Pending {
        var queued = StoreBatch()
        /// The batch being written now: still readable until its transaction commits.
        var writing = StoreBatch()
        var lastError: String?
        /// Sizes and counts as of the last write or retention, for `status` without touching the file.
        var statistics: PoleStore.Statistics?
        /// Events dropped because writes kept failing and `pendingEventsMax` was reached.
        var dropped = 0
    }

    /// Retention runs this often (and once at start).
    static let retentionIntervalMs: Int64 = 3_600_000
    /// Events held when writes keep failing; beyond it the oldest are dropped, counted, and the
    /// count logged when writes recover.
    static let pendingEventsMax = 10_000

    public let path: String
    private let hasUplink: Bool
    private let database: Mutex<PoleStore>
    private let pending = Mutex(Pending())
    private let queue = DispatchQueue(label: "poled.store")
    /// Dispatch sources are safe to use from any thread; Dispatch does not say so to the compiler.
    private nonisolated(unsafe) let timer: any DispatchSourceTimer
    private let logger: Logger
    private let settings: StoreSettingsValues
    private let utcNow: @Sendable () -> Int64?
    private let clock = SystemMonotonicClock()

    /// The retention settings, copied so the service needs nothing from `PoleConfig`.
    public struct StoreSettingsValues: Sendable {
        public var flushIntervalMs: Int64
        public var airFlushIntervalMs: Int64
        public var keepEventsMs: Int64
        public var keepAirMs: Int64
        public var maxBytes: Int64
        /// Rows stamped before this (the site's `clock.min_valid`) were written with an unset clock.
        public var validFromUtcMs: Int64

        public init(
            flushIntervalMs: Int64, airFlushIntervalMs: Int64, keepEventsMs: Int64, keepAirMs: Int64, maxBytes: Int64, validFromUtcMs: Int64
        ) {
            self.flushIntervalMs = flushIntervalMs
            self.airFlushIntervalMs = airFlushIntervalMs
            self.keepEventsMs = keepEventsMs
            self.keepAirMs = keepAirMs
            self.maxBytes = maxBytes
            self.validFromUtcMs = validFromUtcMs
        }
    }

    /// Takes over `store` and starts its flush timer; `utcNow` gives wall-clock ms for retention by
    /// age, or `nil` while the clock cannot be trusted (then only the size limit applies).
    public init(store: sending PoleStore, settings: StoreSettingsValues, logger: Logger, utcNow: @escaping @Sendable () -> Int64?) {
        path = store.path
        hasUplink = store.queuesUplink
        database = Mutex(store)
        self.settings = settings
        self.logger = logger
        self.utcNow = utcNow
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .seconds(1), repeating: .seconds(1), leeway: .milliseconds(100))
        let secondsPerRetention = Self.retentionIntervalMs / 1_000
        let seconds = Atomic<Int64>(0)
        timer.setEventHandler { [self] in
            let now = clock.now().milliseconds
            let due = pending.withLock {
                $0.queued.isDue(atMs: now, flushIntervalMs: settings.flushIntervalMs, airFlushIntervalMs: settings.airFlushIntervalMs)
            }
            if due { flush() }
            if seconds.add(1, ordering: .relaxed).newValue % secondsPerRetention == 0 { retain() }
        }
        queue.async { [self] in
            let statistics = database.withLock { try? $0.statistics() }
            pending.withLock { $0.statistics = statistics }
            retain()
        }
        timer.resume()
    }

    // MARK: the loop's side (never waits for the disk)

    /// Queues a tick's events (those the store keeps) and air minutes, with the latched faults when
    /// they changed on that tick: one batch, so a fault's event and the latched set reach the card in
    /// the same transaction (DESIGN.md §4 invariant 5). Urgent batches are written at once.
    public func record(_ events: [Event], latched: [Fault]? = nil, utcMs: Int64, monotonicMs: Int64) {
        let now = clock.now().milliseconds
        let becameUrgent = pending.withLock { state in
            let wasUrgent = state.queued.isUrgent
            state.queued.add(events, utcMs: utcMs, monotonicMs: monotonicMs, atMs: now)
            if let latched {
                state.queued.latchedFaults = latched
                state.queued.isUrgent = true
                state.queued.markWaiting(atMs: now)
            }
            let excess = state.queued.events.count - Self.pendingEventsMax
            if excess > 0 {
                state.queued.events.removeFirst(excess)
                state.dropped += excess
            }
            return state.queued.isUrgent && !wasUrgent
        }
        if becameUrgent { queue.async { [self] in flush() } }
    }

    /// Queues the lamp counters for the next batch.
    public func record(counters: LampCounters) {
        let now = clock.now().milliseconds
        pending.withLock {
            $0.queued.lampCounters = counters
            $0.queued.markWaiting(atMs: now)
        }
    }

    // MARK: the uplink's side

    /// Marks an outbox message as acknowledged by the broker; deleted with the next batch written
    /// for another reason (reads already leave it out), so the uplink adds no writes of its own.
    public func acknowledge(_ outboxID: Int64) {
        pending.withLock { $0.queued.acknowledged.append(outboxID) }
    }

    /// Outbox messages after `afterID` not yet acknowledged, oldest first.
    public func outbox(afterID: Int64, limit: Int) -> [(id: Int64, kind: PoleStore.MessageKind, payload: String)] {
        database.withLock { store in
            let rows: [(id: Int64, kind: PoleStore.MessageKind, payload: String)]
            do {
                rows = try store.outbox(afterID: afterID, limit: limit)
            } catch {
                logger.error("cannot read the uplink outbox", metadata: ["error": "\(error)"])
                return []
            }
            let acknowledged = pending.withLock { Set($0.writing.acknowledged + $0.queued.acknowledged) }
            return rows.filter { !acknowledged.contains($0.id) }
        }
    }

    // MARK: readers

    /// The newest `limit` events at or after `sinceUtcMs`, stored ones with their ids, then those
    /// still waiting for a write.
    public func events(sinceUtcMs: Int64?, limit: Int) throws(SQLiteError) -> [EventLog.Entry] {
        try database.withLock { store throws(SQLiteError) -> [EventLog.Entry] in
            let stored = try store.events(sinceUtcMs: sinceUtcMs, limit: limit)
            let waiting = pending.withLock { $0.writing.events + $0.queued.events }
                .filter { $0.utcMs >= sinceUtcMs ?? Int64.min }
            return Array((stored + waiting).suffix(limit))
        }
    }

    /// Sizes and counts as of the last write, the uplink backlog brought up to now, and the last
    /// write error if the last write failed.
    public func statistics() -> (statistics: PoleStore.Statistics?, lastError: String?) {
        pending.withLock { state in
            guard var statistics = state.statistics else { return (nil, state.lastError) }
            let batches = [state.writing, state.queued]
            let acknowledged = batches.reduce(0) { $0 + $1.acknowledged.count }
            let queued = hasUplink ? batches.reduce(0) { $0 + $1.events.count + $1.airMinutes.count } : 0
            statistics.outbox = max(0, statistics.outbox - Int64(acknowledged) + Int64(queued))
            return (statistics, state.lastError)
        }
    }

    /// Writes what is queued now and waits for it, without stopping: before slower parts of a
    /// shutdown (the uplink's goodbye), so a kill that cuts those short loses nothing.
    public func flushNow() {
        queue.sync { flush() }
    }

    /// Writes what is queued now and stops the timer: the last batch before exit.
    public func stop() {
        timer.cancel()
        queue.sync { flush() }
    }

    // MARK: the store's queue

    private func flush() {
        database.withLock { store in
            let batch = pending.withLock { state in
                state.writing = state.queued
                state.queued = StoreBatch()
                return state.writing
            }
            guard !batch.isEmpty else { return }
            do {
                try store.write(batch)
                let statistics = try? store.statistics()
                let (recovered, dropped) = pending.withLock { state in
                    state.writing = StoreBatch()
                    state.statistics = statistics ?? state.statistics
                    defer {
                        state.lastError = nil
                        state.dropped = 0
                    }
                    return (state.lastError != nil, state.dropped)
                }
                if recovered {
                    logger.notice("the store is written again", metadata: ["store": "\(path)", "events_dropped_meanwhile": "\(dropped)"])
                }
            } catch {
                let first = pending.withLock { state in
                    var restored = state.writing
                    restored.merge(state.queued)
                    state.queued = restored
                    state.writing = StoreBatch()
                    let message = "\(error)"
                    defer { state.lastError = message }
                    return state.lastError != message
                }
                if first {
                    logger.error("cannot write the store; kept in memory and tried again every flush interval", metadata: [
                        "error": "\(error)",
                    ])
                }
            }
        }
    }

    private func retain() {
        let nowUtcMs = utcNow()
        database.withLock { store in
            do {
                let deleted = try store.retain(
                    nowUtcMs: nowUtcMs, validFromUtcMs: settings.validFromUtcMs, keepEventsMs: settings.keepEventsMs,
                    keepAirMs: settings.keepAirMs, maxBytes: settings.maxBytes
                )
                let statistics = try? store.statistics()
                pending.withLock { $0.statistics = statistics ?? $0.statistics }
                if deleted.total > 0 {
                    logger.notice("store retention deleted old rows", metadata: [
                        "events": "\(deleted.events)", "air_minutes": "\(deleted.airMinutes)", "uplink_messages": "\(deleted.outbox)",
                    ])
                }
            } catch {
                logger.error("store retention failed; tried again in an hour", metadata: ["error": "\(error)"])
            }
        }
    }
}
