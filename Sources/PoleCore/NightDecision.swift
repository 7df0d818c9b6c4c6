/// Whether it is night at the pole: one decision that serves the floor's night level, the voice's
/// night volume, the crosswalk spotlight and the security lamp (docs/safety.md, invariant 8).
///
/// Modes: the astronomical clock, the photocell, or the clock with the photocell deciding near dusk
/// and dawn. The photocell must report dark for the turn-on delay before night begins, except at the
/// first step (a pole that reboots at night lights at once). When neither a trusted clock nor a
/// sensor can decide, the decision is "undecided", which lights what fails lit; a `clock-untrusted`
/// fault is raised while the clock cannot be used and cleared when it can again.
struct NightDecision: Sendable {
    /// The decision for one tick.
    struct State: Sendable, Hashable {
        /// Whether to treat it as night: true when decided night, and when undecided (fail lit).
        var isNight: Bool
        /// Whether a clock or sensor decided; `false` means the lamps are at their default level.
        var isDecided: Bool
    }

    private let settings: NightSettings
    private var astronomical: AstronomicalNight
    private var clockTrust: ClockTrust
    private var clockTrusted = true
    private var darkSinceMs: Int64?
    private var sensorNight: Bool?
    private var luxDark = false
    private var luxFailure: String?
    /// The decision of the last step, `nil` before the first.
    private(set) var state: State?

    init(settings: NightSettings) {
        self.settings = settings
        astronomical = AstronomicalNight(settings: settings)
        clockTrust = ClockTrust(settings: settings)
    }

    /// Seconds until the astronomical clock ends the night, when the clock is trusted and the mode
    /// uses it; `nil` otherwise.
    mutating func secondsUntilDay(atUTCSeconds utcSeconds: Int64) -> Int64? {
        guard clockTrusted, settings.mode != .sensor else { return nil }
        return astronomical.secondsUntilDay(atUTCSeconds: utcSeconds)
    }

    /// Decides for this tick; appends `night` on a change and the clock fault on a change of trust.
    mutating func update(_ inputs: Inputs, events: inout [Event]) -> State {
        let trusted = clockTrust.update(inputs)
        if trusted != clockTrusted {
            clockTrusted = trusted
            events.append(trusted ? .faultCleared(.clockUntrusted, by: nil, reason: nil) : .faultRaised(.clockUntrusted))
        } else if state == nil, !trusted {
            events.append(.faultRaised(.clockUntrusted))
        }
        let sensor = updateSensor(inputs, events: &events)
        let next = decide(utcSeconds: inputs.utcSeconds, clockTrusted: trusted, sensor: sensor)
        if next.isNight != state?.isNight {
            events.append(.night(next.isNight))
        }
        state = next
        return next
    }

    /// Whether the light sensor reads dark, with hysteresis; `nil` without one or while it fails
    /// (a failed sensor is not trusted), with a `sensor.error` event when it starts failing.
    private mutating func luxReadsDark(_ inputs: Inputs, events: inout [Event]) -> Bool? {
        switch inputs.lux {
        case nil:
            return nil
        case .failed(let error):
            if error != luxFailure { events.append(.sensorError(sensor: "lux", error: error)) }
            luxFailure = error
            return nil
        case .value(let lux):
            luxFailure = nil
            if lux < settings.luxDarkBelow { luxDark = true }
            if lux > settings.luxLightAbove { luxDark = false }
            return luxDark
        }
    }

    /// The sensor's night (photocell, else light sensor), with the turn-on delay after the first
    /// step; `nil` without a sensor or while it fails.
    private mutating func updateSensor(_ inputs: Inputs, events: inout [Event]) -> Bool? {
        let luxDark = luxReadsDark(inputs, events: &events)
        guard let dark = inputs.photocellDark ?? luxDark else {
            darkSinceMs = nil
            sensorNight = nil
            return nil
        }
        let now = inputs.monotonicMs
        darkSinceMs = dark ? (darkSinceMs ?? now) : nil
        if state == nil || sensorNight == nil {
            sensorNight = dark
        } else if !dark {
            sensorNight = false
        } else if let since = darkSinceMs, now - since >= settings.sensorTurnOnDelayMs {
            sensorNight = true
        }
        return sensorNight
    }

    private mutating func decide(utcSeconds: Int64, clockTrusted: Bool, sensor: Bool?) -> State {
        switch settings.mode {
        case .sensor:
            if let sensor { return State(isNight: sensor, isDecided: true) }
        case .astro:
            if clockTrusted { return State(isNight: astronomical.isNight(atUTCSeconds: utcSeconds), isDecided: true) }
        case .astroAndSensor:
            if clockTrusted {
                let nearTwilight = astronomical.isNearTwilight(atUTCSeconds: utcSeconds, minutes: settings.sensorWindowMinutes)
                if nearTwilight, let sensor { return State(isNight: sensor, isDecided: true) }
                return State(isNight: astronomical.isNight(atUTCSeconds: utcSeconds), isDecided: true)
            }
            if let sensor { return State(isNight: sensor, isDecided: true) }
        }
        return State(isNight: true, isDecided: false)
    }
}
