import Dispatch
public import PoleHAL
public import Logging
public import PoleCore
import Synchronization

/// The live daemon's store: the loop hands it events and state without waiting, and a queue of its
/// own writes them in batches (docs/architecture.md, "Threads": the loop never
/// blocks on I/O).
///
/// A batch is written when an event in it has waited `store.flush_interval`, an air minute
/// `store.air_flush_interval`, or at once when a latching fault, its clear, a change in the latched
/// set or an audited command is among them; a failed write keeps the batch (still due) and the
/// one-second timer tries it again.
/// Reads (`polectl events`, the uplink's outbox) see what is stored and what still waits, so an
/// event is never missing from an answer because it has not reached the card yet.
///
/// The loop asks each tick whether the latched faults it holds would survive a restart
/// (`latchedRecord`), from state kept here under a small lock, never waiting for a write. A store
/// that cannot be opened leaves the service holding events in memory and trying it again.
public final class StoreService: Sendable {
    private struct Pending {
        var queued = StoreBatch()
        /// The batch being written now: still readable until its transaction commits.
        var writing = StoreBatch()
        var lastError: String?
        /// Sizes and counts as of the last write or retention, for `status` without touching the file.
        var statistics: StoreDatabase.Statistics?
        /// Events dropped because writes kept failing and `pendingEventsMax` was reached.
        var dropped = 0
        /// What a restart would restore, as of the last write (`StoreKeeper.restorable`).
        var restorable: [Fault]
        /// When the oldest latched change not yet in both copies was handed over (monotonic ms).
        var latchedWaitingSinceMs: Int64?
        /// The last write of a latched change failed.
        var latchedWriteFailed = false
        /// Why the store is not in use, while it is not.
        var storeProblem: String?
    }

    /// A latched change still being written after this long is reported unsaved (a stuck card).
    static let latchedSavingLimitMs: Int64 = 5_000

    /// Retention runs this often (and once at start).
    static let retentionIntervalMs: Int64 = 3_600_000
    /// Events held when writes keep failing; beyond it the oldest are dropped, counted, and the
    /// count logged when writes recover.
    static let pendingEventsMax = 10_000

    public let path: String
    private let hasUplink: Bool
    private let database: Mutex<StoreKeeper>
    private let pending: Mutex<Pending>
    private let queue = DispatchQueue(label: "poled.store")
    private let stopped = Atomic<Bool>(false)
    /// Dispatch sources are safe to use from any thread; Dispatch does not say so to the compiler.
    private nonisolated(unsafe) let timer: any DispatchSourceTimer
    private let logger: Logger
    private let settings: StoreSettingsValues
    private let utcNow: @Sendable () -> Int64?
    private let clock: any MonotonicClock & Sendable
    private let wallClock: any UTCClock & Sendable

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

    /// Takes over the store `start` opened and starts its flush timer; `clock` times batches and
    /// retries, `wallClock` stamps a store opened again later; `utcNow` gives wall-clock ms for
    /// retention by age, or `nil` while the clock cannot be trusted (then only the size limit
    /// applies). A `store.rows-lost` event found at start is written first.
    public init(
        start: sending StoreStart, settings: StoreSettingsValues, logger: Logger, clock: any MonotonicClock & Sendable,
        wallClock: any UTCClock & Sendable, utcNow: @escaping @Sendable () -> Int64?
    ) {
        let keeper = start.keeper
        path = keeper.path
        hasUplink = keeper.queuesUplink
        var initial = Pending(restorable: keeper.restorable)
        initial.storeProblem = keeper.storeProblem
        if let lost = start.lostRows {
            initial.queued.events.append(lost)
            initial.queued.isUrgent = true
        }
        pending = Mutex(initial)
        database = Mutex(keeper)
        self.settings = settings
        self.logger = logger
        self.utcNow = utcNow
        self.clock = clock
        self.wallClock = wallClock
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .seconds(1), repeating: .seconds(1), leeway: .milliseconds(100))
        let secondsPerRetention = Self.retentionIntervalMs / 1_000
        let seconds = Atomic<Int64>(0)
        timer.setEventHandler { [self] in
            let now = clock.now().milliseconds
            let due = pending.withLock {
                $0.queued.isDue(atMs: now, flushIntervalMs: settings.flushIntervalMs, airFlushIntervalMs: settings.airFlushIntervalMs)
            }
            reopenIfDue(nowMs: now)
            if due { flush() }
            if seconds.add(1, ordering: .relaxed).newValue % secondsPerRetention == 0 { retain() }
        }
        queue.async { [self] in
            let statistics = database.withLock { try? $0.store?.statistics() }
            pending.withLock { $0.statistics = statistics }
            flush()
            retain()
        }
        timer.resume()
    }

    /// Whether a restart would restore `latched`, the set the core holds now: `.saving` while a
    /// change is on its way to both copies, `.unsaved` when writing it failed or has taken longer
    /// than `latchedSavingLimitMs`. Never waits for the disk.
    public func latchedRecord(holding latched: [Fault]) -> LatchedRecord {
        let now = clock.now().milliseconds
        return pending.withLock { state in
            if state.restorable == latched { return .saved }
            if state.latchedWriteFailed { return .unsaved }
            if let since = state.latchedWaitingSinceMs, now - since > Self.latchedSavingLimitMs { return .unsaved }
            return .saving
        }
    }

    // MARK: the loop's side (never waits for the disk)

    /// Queues a tick's events (those the store keeps) and air minutes, with the latched faults when
    /// they changed on that tick: one batch, so a fault's event and the latched set reach the card in
    /// the same transaction (docs/safety.md, invariant 5). Urgent batches are written at once.
    public func record(_ events: [Event], latched: [Fault]? = nil, utcMs: Int64, monotonicMs: Int64) {
        let now = clock.now().milliseconds
        let becameUrgent = pending.withLock { state in
            let wasUrgent = state.queued.isUrgent
            state.queued.add(events, utcMs: utcMs, monotonicMs: monotonicMs, atMs: now)
            if let latched {
                state.queued.latchedFaults = latched
                state.queued.isUrgent = true
                state.queued.markWaiting(atMs: now)
                state.latchedWaitingSinceMs = state.latchedWaitingSinceMs ?? now
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
    public func outbox(afterID: Int64, limit: Int) -> [(id: Int64, kind: StoreDatabase.MessageKind, payload: String)] {
        database.withLock { keeper in
            guard let store = keeper.store else { return [] }
            let rows: [(id: Int64, kind: StoreDatabase.MessageKind, payload: String)]
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
        try database.withLock { keeper throws(SQLiteError) -> [EventLog.Entry] in
            guard let store = keeper.store else { throw keeper.unavailable }
            let stored = try store.events(sinceUtcMs: sinceUtcMs, limit: limit)
            let waiting = pending.withLock { $0.writing.events + $0.queued.events }
                .filter { $0.utcMs >= sinceUtcMs ?? Int64.min }
            return Array((stored + waiting).suffix(limit))
        }
    }

    /// Sizes and counts as of the last write, the uplink backlog brought up to now, and the last
    /// write error if the last write failed (why the store is not in use, while it is not).
    public func statistics() -> (statistics: StoreDatabase.Statistics?, lastError: String?) {
        pending.withLock { state in
            if let problem = state.storeProblem { return (nil, "not in use: \(problem)") }
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

    /// Writes what is queued now, stops the timer, checkpoints the WAL and writes the guard's exact
    /// marks: the last writes before exit. Waits for them up to `timeoutMs` (a card that hangs must
    /// not keep the daemon from exiting: the rows then wait in the WAL and the guard's reserved
    /// marks); `false` when that ran out. A second call does nothing more.
    @discardableResult
    public func stop(timeoutMs: Int) -> Bool {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return true }
        timer.cancel()
        let done = DispatchSemaphore(value: 0)
        queue.async { [self] in
            flush()
            database.withLock { $0.close() }
            done.signal()
        }
        return done.wait(timeout: .now() + .milliseconds(timeoutMs)) == .success
    }

    // MARK: the store's queue

    private func flush() {
        database.withLock { keeper in
            let batch = pending.withLock { state in
                state.writing = state.queued
                state.queued = StoreBatch()
                return state.writing
            }
            guard !batch.isEmpty else { return }
            do {
                try keeper.write(batch)
                let statistics = try? keeper.store?.statistics()
                let restorable = keeper.restorable
                let (recovered, dropped) = pending.withLock { state in
                    state.writing = StoreBatch()
                    state.statistics = statistics ?? state.statistics
                    state.restorable = restorable
                    state.latchedWriteFailed = false
                    if state.queued.latchedFaults == nil { state.latchedWaitingSinceMs = nil }
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
                let restorable = keeper.restorable
                let first = pending.withLock { state in
                    var restored = state.writing
                    restored.merge(state.queued)
                    state.queued = restored
                    state.writing = StoreBatch()
                    state.restorable = restorable
                    if batch.latchedFaults != nil { state.latchedWriteFailed = true }
                    let message = "\(error)"
                    defer { state.lastError = message }
                    return state.lastError != message
                }
                if first {
                    logger.error("cannot write the store; kept in memory and tried again every second", metadata: [
                        "error": "\(error)",
                    ])
                }
            }
        }
    }

    /// Tries a store that could not be opened again (`StoreKeeper.reopenIfDue`); once it opens, what
    /// was held in memory is written to it.
    private func reopenIfDue(nowMs: Int64) {
        let reopened = database.withLock { $0.reopenIfDue(nowMs: nowMs, utcMs: wallClock.now().unixMilliseconds) }
        guard let reopened else { return }
        for note in reopened.notes { log(note) }
        pending.withLock { state in
            state.storeProblem = nil
            if let lost = reopened.lostRows { state.queued.events.insert(lost, at: 0) }
            state.queued.isUrgent = true
        }
        flush()
    }

    private func log(_ note: StoreNote) {
        switch note.level {
        case .error: logger.error("\(note.text)", metadata: ["store": "\(path)"])
        case .warning: logger.warning("\(note.text)", metadata: ["store": "\(path)"])
        case .notice: logger.notice("\(note.text)", metadata: ["store": "\(path)"])
        }
    }

    private func retain() {
        let nowUtcMs = utcNow()
        database.withLock { keeper in
            guard keeper.store != nil else { return }
            do {
                let deleted = try keeper.retain(
                    nowUtcMs: nowUtcMs, validFromUtcMs: settings.validFromUtcMs, keepEventsMs: settings.keepEventsMs,
                    keepAirMs: settings.keepAirMs, maxBytes: settings.maxBytes
                )
                let statistics = try? keeper.store?.statistics()
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
