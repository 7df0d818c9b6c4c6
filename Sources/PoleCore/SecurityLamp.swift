/// The security lamp feature: dusk-to-dawn with motion dimming, and monitoring of the lamp's current.
public struct SecurityLamp: Sendable {
    private var dimmer: MotionDimmer
    private var monitor: LampMonitor

    public init(settings: LampSettings) {
        dimmer = MotionDimmer(settings: settings)
        monitor = LampMonitor(settings: settings)
    }

    /// Takes reloaded settings, keeping the level, the motion hold and the monitor's timers.
    public mutating func reconfigure(_ settings: LampSettings) {
        dimmer.settings = settings
        monitor.settings = settings
    }

    /// Lamp faults raised now.
    public var activeFaults: [Fault] { monitor.active }

    /// Advances one tick: sets `outputs.lampPercent` and appends lamp fault events.
    public mutating func step(_ inputs: Inputs, night: Bool, nightDecided: Bool, outputs: inout Outputs, events: inout [Event]) {
        let level = dimmer.update(night: night, nightDecided: nightDecided, motion: inputs.motion ?? false, nowMs: inputs.monotonicMs)
        outputs.lampPercent = level
        if let current = inputs.lampCurrent {
            monitor.update(commandedOn: level > 0, currentFlows: current, nowMs: inputs.monotonicMs, events: &events)
        }
    }
}
