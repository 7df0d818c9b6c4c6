import PoleCore

/// What the loop hands the store between two writes: kept events, air minutes, the latest lamp
/// counters and latched faults, and the uplink messages the broker acknowledged.
///
/// Exists so one write is one transaction whatever it holds: fewer, larger writes are what keep
/// an SD card alive.
struct StoreBatch: Sendable {
    var events: [EventLog.Entry] = []
    var airMinutes: [(utcMs: Int64, minute: AirMinute)] = []
    var lampCounters: LampCounters?
    /// The whole set, when it changed.
    var latchedFaults: [Fault]?
    /// Outbox rows the broker acknowledged, to delete.
    var acknowledged: [Int64] = []
    /// Something that must reach the disk at once is waiting (a latching fault, its clear, an audit,
    /// a change in the latched set).
    var isUrgent = false
    /// When the oldest waiting item other than an air minute came, on the batching clock (ms).
    var waitingSinceMs: Int64?
    /// When the oldest waiting air minute came.
    var airWaitingSinceMs: Int64?

    var isEmpty: Bool {
        events.isEmpty && airMinutes.isEmpty && lampCounters == nil && latchedFaults == nil && acknowledged.isEmpty
    }

    /// Adds what one tick produced: stored events and air minutes, urgent when a latching fault, its
    /// clear or a technician's command is among them (faults that come and go by themselves, like a
    /// flapping lamp, wait like other events). `atMs` is the batching clock's time.
    mutating func add(_ tickEvents: [Event], utcMs: Int64, monotonicMs: Int64, atMs: Int64) {
        for event in tickEvents {
            switch event {
            case .airMinute(let minute):
                airMinutes.append((utcMs, minute))
                airWaitingSinceMs = airWaitingSinceMs ?? atMs
            default:
                guard EventLog.keeps(event) else { continue }
                events.append(EventLog.Entry(event, utcMs: utcMs, monotonicMs: monotonicMs))
                waitingSinceMs = waitingSinceMs ?? atMs
                if Self.isWrittenAtOnce(event) { isUrgent = true }
            }
        }
    }

    /// A latching fault, its clear and a technician's command reach the card at once.
    static func isWrittenAtOnce(_ event: Event) -> Bool {
        switch event {
        case .faultRaised(let fault), .faultCleared(let fault, _, _): fault.isLatching
        case .audit: true
        default: false
        }
    }

    /// Notes that something other than an air minute (counters, faults, acknowledgements) waits.
    mutating func markWaiting(atMs: Int64) {
        waitingSinceMs = waitingSinceMs ?? atMs
    }

    /// Whether to write now: something urgent waits, anything else has waited `flushIntervalMs`,
    /// or an air minute has waited `airFlushIntervalMs` (air minutes come every minute; collecting
    /// several per write is what keeps a card's block writes low, README "Write budget").
    func isDue(atMs: Int64, flushIntervalMs: Int64, airFlushIntervalMs: Int64) -> Bool {
        if isUrgent { return true }
        if let since = waitingSinceMs, atMs - since >= flushIntervalMs { return true }
        if let since = airWaitingSinceMs, atMs - since >= airFlushIntervalMs { return true }
        return false
    }

    /// Appends `later`, whose counters and faults replace these.
    mutating func merge(_ later: StoreBatch) {
        events += later.events
        airMinutes += later.airMinutes
        lampCounters = later.lampCounters ?? lampCounters
        latchedFaults = later.latchedFaults ?? latchedFaults
        acknowledged += later.acknowledged
        isUrgent = isUrgent || later.isUrgent
        waitingSinceMs = [waitingSinceMs, later.waitingSinceMs].compactMap { $0 }.min()
        airWaitingSinceMs = [airWaitingSinceMs, later.airWaitingSinceMs].compactMap { $0 }.min()
    }
}
