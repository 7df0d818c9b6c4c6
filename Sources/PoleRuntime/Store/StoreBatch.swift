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
    /// Something that must reach the disk at once is waiting (a fault, a clear, an audit).
    var isUrgent = false

    var isEmpty: Bool {
        events.isEmpty && airMinutes.isEmpty && lampCounters == nil && latchedFaults == nil && acknowledged.isEmpty
    }

    /// Adds what one tick produced: stored events and air minutes, urgent when a fault or a
    /// technician's command is among them.
    mutating func add(_ tickEvents: [Event], utcMs: Int64, monotonicMs: Int64) {
        for event in tickEvents {
            switch event {
            case .airMinute(let minute):
                airMinutes.append((utcMs, minute))
            case .faultRaised, .faultCleared, .audit:
                isUrgent = true
                events.append(EventLog.Entry(event, utcMs: utcMs, monotonicMs: monotonicMs))
            default:
                if EventLog.keeps(event) { events.append(EventLog.Entry(event, utcMs: utcMs, monotonicMs: monotonicMs)) }
            }
        }
    }

    /// Appends `later`, whose counters and faults replace these.
    mutating func merge(_ later: StoreBatch) {
        events += later.events
        airMinutes += later.airMinutes
        lampCounters = later.lampCounters ?? lampCounters
        latchedFaults = later.latchedFaults ?? latchedFaults
        acknowledged += later.acknowledged
        isUrgent = isUrgent || later.isUrgent
    }
}
