/// The security lamp feature: dusk-to-dawn with motion dimming and the district's calendar, and
/// monitoring of the lamp's current. The calendar applies only on a decided night: when the clock or
/// date cannot be trusted, the lamp fails lit instead.
public struct SecurityLamp: Sendable {
    private var settings: LampSettings
    private var dimmer: MotionDimmer
    private var monitor: LampMonitor
    /// Switch-ons and burning time, restored from the state file and counted on.
    public private(set) var counters: LampCounters
    private var lastLevel: Int?
    private var lastMs: Int64?

    public init(settings: LampSettings, counters: LampCounters = LampCounters()) {
        self.settings = settings
        self.counters = counters
        dimmer = MotionDimmer(settings: settings)
        monitor = LampMonitor(settings: settings)
    }

    /// Takes reloaded settings, keeping the level, the motion hold and the monitor's timers.
    public mutating func reconfigure(_ settings: LampSettings) {
        self.settings = settings
        dimmer.settings = settings
        monitor.settings = settings
    }

    /// Lamp faults raised now.
    public var activeFaults: [Fault] { monitor.active }

    private mutating func count(level: Int, nowMs: Int64) {
        if let lastLevel, lastLevel > 0, let lastMs { counters.burningMs = counters.burningMs.addingSaturated(nowMs - lastMs) }
        if level > 0, lastLevel.map({ $0 == 0 }) ?? false { counters.switchOns = counters.switchOns.addingSaturated(1) }
        lastLevel = level
        lastMs = nowMs
    }

    /// Whether the lamp is off now (so switching it on would be an on-switch).
    public var isOff: Bool { lastLevel == 0 }

    /// Advances one tick: sets `outputs.lampPercent` and appends lamp fault events. `secondsUntilDay`
    /// (when the clock knows) suppresses an on-switch that the dawn would undo within the minimum
    /// on-time. `testPercent`, while a technician tests the lamp, replaces the level the dimmer
    /// decides (which keeps its own state), so the current monitor judges what is really driven.
    public mutating func step(
        _ inputs: Inputs, night: Bool, nightDecided: Bool, secondsUntilDay: Int64? = nil, testPercent: Int? = nil,
        outputs: inout Outputs, events: inout [Event]
    ) {
        var idleOverride: Int?
        var forcedOff = false
        if isOff, let seconds = secondsUntilDay, seconds * 1_000 < settings.minOnTimeMs { forcedOff = true }
        if nightDecided, let date = inputs.localDate, let minute = inputs.localMinuteOfDay,
           let rule = settings.calendar.first(where: { $0.matches(date, minuteOfDay: minute) }) {
            switch rule.action {
            case .off: forcedOff = true
            case .idleLevel(let level): idleOverride = level
            }
        }
        let decided = dimmer.update(
            night: night, nightDecided: nightDecided, motion: inputs.motion ?? false, nowMs: inputs.monotonicMs,
            idleOverride: idleOverride, forcedOff: forcedOff
        )
        let level = testPercent ?? decided
        outputs.lampPercent = level
        count(level: level, nowMs: inputs.monotonicMs)
        if let current = inputs.lampCurrent {
            monitor.update(commandedOn: level > 0, currentFlows: current, nowMs: inputs.monotonicMs, events: &events)
        }
    }
}
