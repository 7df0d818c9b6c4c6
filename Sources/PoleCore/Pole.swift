/// The whole pole's control core: a deterministic function of its state and each tick's `Inputs`.
///
/// Exists as the one place that composes the features (the night decision, the crosswalk, the
/// security lamp, air quality and its mist actuator) so the runtime has one call per tick. It reads no
/// clock, does no I/O and, once the caller's event buffer has capacity, allocates nothing.
public struct Pole: Sendable {
    /// The settings the pole runs with.
    public private(set) var settings: PoleSettings
    private var crosswalk: Crosswalk?
    private var lamp: SecurityLamp?
    private var air: AirQuality?

    private var night: NightDecision
    /// The monotonic time of the last step: the core's time never runs back.
    private var lastMonotonicMs: Int64 = 0
    /// Maintenance mode and the output test it runs.
    public private(set) var maintenance = Maintenance()
    /// What came of each of the last step's commands, in `Inputs.commands` order.
    public private(set) var outcomes: [CommandOutcome] = []

    /// A pole starting with `latchedFaults` and `lampCounters` restored from the state files.
    public init(settings: PoleSettings, latchedFaults: [Fault] = [], lampCounters: LampCounters = LampCounters()) {
        self.settings = settings
        night = NightDecision(settings: settings.night)
        lamp = settings.lamp.map { SecurityLamp(settings: $0, counters: lampCounters) }
        air = settings.airQuality ? AirQuality(mist: settings.mist) : nil
        crosswalk = settings.crosswalk.map {
            Crosswalk(settings: $0, presenceZones: settings.presenceZones, latched: latchedFaults)
        }
    }

    /// The pole with new settings (a reloaded site file), keeping its state: latched faults, the hold's
    /// progress, every timer and the head as last classified; the night decision restarts only when
    /// its own settings changed. The presence zones must be the same, since the lines are.
    public func reconfigured(with newSettings: PoleSettings) -> Pole {
        precondition(newSettings.presenceZones == settings.presenceZones, "a reload keeps the board's zones")
        precondition((newSettings.crosswalk == nil) == (settings.crosswalk == nil), "a reload keeps the board's features")
        var pole = self
        pole.settings = newSettings
        precondition((newSettings.lamp == nil) == (settings.lamp == nil), "a reload keeps the board's features")
        precondition(newSettings.airQuality == settings.airQuality, "a reload keeps the board's features")
        if let crosswalkSettings = newSettings.crosswalk { pole.crosswalk?.reconfigure(crosswalkSettings) }
        if let lampSettings = newSettings.lamp { pole.lamp?.reconfigure(lampSettings) }
        if newSettings.night != settings.night { pole.night = NightDecision(settings: newSettings.night) }
        return pole
    }

    /// The classified head signal, or `nil` on a pole without a crosswalk.
    public var head: HeadSignal? { crosswalk?.head }

    /// The security lamp's counters, or `nil` on a pole without one.
    public var lampCounters: LampCounters? { lamp?.counters }

    /// Faults latched now, sorted.
    public var latchedFaults: [Fault] { crosswalk?.monitor.latched ?? [] }

    /// Whether it was night at the last step (`nil` before the first); undecided counts as night.
    public var isNight: Bool? { night.state?.isNight }

    /// Advances one tick. Appends this tick's events to `events` (the caller clears it between ticks,
    /// keeping its capacity) and returns the outputs to drive.
    public mutating func step(_ given: Inputs, events: inout [Event]) -> Outputs {
        precondition(given.presence.count == settings.presenceZones.count, "one presence level per zone")
        if Self.isTakenAsGiven(given, lastMonotonicMs: lastMonotonicMs) {
            lastMonotonicMs = given.monotonicMs
            return advance(given, events: &events)
        }
        let inputs = taken(given)
        return advance(inputs, events: &events)
    }

    /// One tick on inputs every feature can take as they are (see `taken`).
    private mutating func advance(_ inputs: Inputs, events: inout [Event]) -> Outputs {
        var outputs = Outputs.safe
        if !outcomes.isEmpty { outcomes.removeAll(keepingCapacity: true) }
        for command in inputs.commands {
            apply(command, nowMs: inputs.monotonicMs, events: &events)
        }
        // Maintenance and tests that end this tick end before anything is driven: the crosswalk's
        // floor goes dark under the restarted hold on this very tick, not the next.
        if maintenance.expire(
            nowMs: inputs.monotonicMs, head: crosswalk?.head, floorPermitted: crosswalk?.monitor.permitsFloor ?? false, events: &events
        ) {
            crosswalk?.restartHold()
        }
        let nightState = night.update(inputs, events: &events)
        crosswalk?.step(
            inputs, night: nightState.isNight, nightDecided: nightState.isDecided, maintenanceFloor: maintenance.floorMode,
            outputs: &outputs, events: &events
        )
        maintenance.darken(&outputs)
        air?.step(inputs, outputs: &outputs, events: &events)
        if lamp != nil {
            let untilDay = lamp?.isOff == true && nightState.isNight ? night.secondsUntilDay(atUTCSeconds: inputs.utcSeconds) : nil
            lamp?.step(
                inputs, night: nightState.isNight, nightDecided: nightState.isDecided, secondsUntilDay: untilDay,
                testPercent: maintenance.lampTestPercent, outputs: &outputs, events: &events
            )
        }
        maintenance.override(
            &outputs, head: crosswalk?.head, floorPermitted: crosswalk?.monitor.permitsFloor ?? false,
            floorDimPercent: min(settings.crosswalk?.nightLevelPercent ?? 50, 99)
        )
        return outputs
    }

    /// Whether `taken` would change nothing: the usual tick, which then costs no copy of the inputs.
    private static func isTakenAsGiven(_ given: Inputs, lastMonotonicMs: Int64) -> Bool {
        guard given.monotonicMs >= lastMonotonicMs, given.monotonicMs <= Inputs.monotonicMsMax else { return false }
        if let minute = given.localMinuteOfDay, !(0..<1_440).contains(minute) { return false }
        return true
    }

    /// The inputs as the features take them, so that no value of any field can trap the core: monotonic
    /// time within 0…`Inputs.monotonicMsMax` and never before the last step's (the runtime's clock
    /// never goes back; a recording or another caller might) and a local minute outside the day
    /// unknown. A particulate sample with an implausible value is a failed reading to `AirQuality`;
    /// the wall clock needs nothing here: any value is a clock to judge (`ClockTrust`).
    private mutating func taken(_ given: Inputs) -> Inputs {
        var inputs = given
        inputs.monotonicMs = min(max(given.monotonicMs, lastMonotonicMs), Inputs.monotonicMsMax)
        lastMonotonicMs = inputs.monotonicMs
        if let minute = given.localMinuteOfDay, !(0..<1_440).contains(minute) { inputs.localMinuteOfDay = nil }
        return inputs
    }

    /// Carries out one technician command, records its outcome and audits it.
    private mutating func apply(_ command: Command, nowMs: Int64, events: inout [Event]) {
        let outcome: CommandOutcome
        switch command {
        case .clearFaults(let faults, let by, let reason):
            let cleared = crosswalk?.clear(faults, by: by, reason: reason, events: &events) ?? []
            outcome = cleared.isEmpty
                ? .done("no latched fault to clear" + (faults.map { " among " + $0.map(\.name).joined(separator: ", ") } ?? ""))
                : .done("cleared " + cleared.map(\.name).joined(separator: ", ") + "; the floor follows again after the start-up hold")
        case .maintenance, .test:
            let wasActive = maintenance.isActive
            outcome = maintenance.apply(
                command, nowMs: nowMs, head: crosswalk?.head, floorPermitted: crosswalk?.monitor.permitsFloor ?? false,
                events: &events
            )
            if wasActive, !maintenance.isActive { crosswalk?.restartHold() }
        }
        outcomes.append(outcome)
        events.append(.audit(command: command.summary, by: command.by, reason: command.reason, outcome: outcome))
    }
}
