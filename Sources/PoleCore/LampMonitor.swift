/// The lamp's current sense against its command (TALQ's LampMonitorFunction).
///
/// - lamp out: commanded on, no current for the fault delay;
/// - unexpectedly on: commanded off, current for the fault delay (a welded relay contact);
/// - cycling: commanded steadily on, the current dropped `cyclingCount` times within the window (a
///   failing discharge lamp restarting itself).
/// Each is raised as a fault event and cleared when its condition ends: the district is told, the
/// lamp keeps doing what it can.
struct LampMonitor: Sendable {
    var settings: LampSettings
    private var outSinceMs: Int64?
    private var unexpectedSinceMs: Int64?
    private var current: Bool?
    private var dropTimesMs: [Int64]
    private(set) var active: [Fault] = []

    init(settings: LampSettings) {
        self.settings = settings
        dropTimesMs = []
        dropTimesMs.reserveCapacity(settings.cyclingCount + 1)
    }

    mutating func update(commandedOn: Bool, currentFlows: Bool, nowMs: Int64, events: inout [Event]) {
        outSinceMs = commandedOn && !currentFlows ? (outSinceMs ?? nowMs) : nil
        unexpectedSinceMs = !commandedOn && currentFlows ? (unexpectedSinceMs ?? nowMs) : nil
        if let previous = current, previous, !currentFlows, commandedOn {
            if dropTimesMs.count > settings.cyclingCount { dropTimesMs.removeFirst() }
            dropTimesMs.append(nowMs)
        }
        current = currentFlows
        if !dropTimesMs.isEmpty {
            dropTimesMs.removeAll { nowMs - $0 > settings.cyclingWindowMs }
            if !commandedOn { dropTimesMs.removeAll(keepingCapacity: true) }
        }
        let out = outSinceMs.map { nowMs - $0 >= settings.faultDelayMs } ?? false
        let unexpectedOn = unexpectedSinceMs.map { nowMs - $0 >= settings.faultDelayMs } ?? false
        let cycling = dropTimesMs.count >= settings.cyclingCount
        // A lamp doing what it is told, with no fault raised: the usual tick, nothing to change.
        if active.isEmpty, !out, !unexpectedOn, !cycling { return }
        set(.lampOut, out, events: &events)
        set(.lampUnexpectedOn, unexpectedOn, events: &events)
        set(.lampCycling, cycling, events: &events)
    }

    private mutating func set(_ fault: Fault, _ condition: Bool, events: inout [Event]) {
        let isActive = !active.isEmpty && active.contains(fault)
        if condition, !isActive {
            active.append(fault)
            events.append(.faultRaised(fault))
        } else if !condition, isActive {
            active.removeAll { $0 == fault }
            events.append(.faultCleared(fault, by: nil, reason: nil))
        }
    }
}
