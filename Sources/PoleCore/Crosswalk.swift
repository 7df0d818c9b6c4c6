/// The crosswalk feature: head sensing and classification, the floor signal behind its monitor, the
/// driver beacon, voice guidance and the spotlight.
public struct Crosswalk: Sendable {
    private var nightLevelPercent: Int
    private let presenceZones: [String]
    private var redDebouncer: Debouncer<Lamp>
    private var greenDebouncer: Debouncer<Lamp>
    private var classifier: HeadClassifier
    /// The malfunction monitor, whose gate the floor passes through.
    public private(set) var monitor: CrosswalkMonitor
    private var beacon: DriverBeacon
    private var voice: VoiceGuidance
    private var spotlight: CrosswalkSpotlight
    private var waitingZoneIndices: [Int]
    private var crossingZoneIndices: [Int]
    private var waiting: [Bool]
    /// The classified head signal after the last step.
    public private(set) var head: HeadSignal = .dark

    /// A crosswalk for the pole's presence zones (in `Inputs.presence` order), starting with `latched`
    /// faults restored from the state file.
    public init(settings: CrosswalkSettings, presenceZones: [String], latched: [Fault] = []) {
        nightLevelPercent = settings.nightLevelPercent
        self.presenceZones = presenceZones
        redDebouncer = Debouncer(debounceMs: settings.debounceMs)
        greenDebouncer = Debouncer(debounceMs: settings.debounceMs)
        classifier = HeadClassifier(settings: settings)
        monitor = CrosswalkMonitor(settings: settings, latched: latched)
        beacon = DriverBeacon(settings: settings)
        crossingZoneIndices = presenceZones.indices.filter { settings.crossingZones.contains(presenceZones[$0]) }
        waitingZoneIndices = presenceZones.indices.filter { !settings.crossingZones.contains(presenceZones[$0]) }
        waiting = Array(repeating: false, count: waitingZoneIndices.count)
        voice = VoiceGuidance(settings: settings, waitingZones: waitingZoneIndices.count)
        spotlight = CrosswalkSpotlight(settings: settings)
    }

    /// Takes reloaded settings in place: debouncers, classifier, monitor, beacon, voice and spotlight
    /// keep their state (the hold served, faults latched, timers running), so a reload changes how
    /// the crosswalk behaves from now on without a moment of not knowing what the head shows.
    public mutating func reconfigure(_ settings: CrosswalkSettings) {
        nightLevelPercent = settings.nightLevelPercent
        redDebouncer.debounceMs = settings.debounceMs
        greenDebouncer.debounceMs = settings.debounceMs
        classifier.reconfigure(settings)
        monitor.reconfigure(settings)
        beacon.holdMs = settings.beaconHoldMs
        beacon.flashPeriodMs = settings.beaconFlashPeriodMs
        spotlight.basePercent = settings.spotlightNightBasePercent
        spotlight.boostPercent = settings.spotlightBoostPercent
        spotlight.holdMs = settings.spotlightBoostHoldMs
        let crossing = presenceZones.indices.filter { settings.crossingZones.contains(presenceZones[$0]) }
        if crossing != crossingZoneIndices {
            crossingZoneIndices = crossing
            waitingZoneIndices = presenceZones.indices.filter { !settings.crossingZones.contains(presenceZones[$0]) }
            waiting = Array(repeating: false, count: waitingZoneIndices.count)
            voice = VoiceGuidance(settings: settings, waitingZones: waitingZoneIndices.count)
        } else {
            voice.rateLimitMs = settings.voiceRateLimitMs
            voice.pulseMs = settings.voicePulseMs
            voice.quietHours = settings.voiceQuietMinutes
        }
    }

    /// Clears latched faults (all when `faults` is `nil`); returns those cleared.
    public mutating func clear(_ faults: [Fault]?, by: String, reason: String, events: inout [Event]) -> [Fault] {
        monitor.clear(faults, by: by, reason: reason, events: &events)
    }

    /// Runs the start-up hold again, as when maintenance ends.
    public mutating func restartHold() {
        monitor.restartHold()
    }

    /// Advances one tick: sets the crosswalk's outputs and appends its events. `night` lights the
    /// spotlight and lowers the voice; the floor dims only when night was decided, since a floor
    /// dimmed in daylight would be hard to see. `maintenanceFloor` is `nil` in service, `.dark` in
    /// maintenance, or a colour under test, shown only while the head shows that colour steadily.
    public mutating func step(
        _ inputs: Inputs, night: Bool, nightDecided: Bool, maintenanceFloor: FloorIndication? = nil,
        outputs: inout Outputs, events: inout [Event]
    ) {
        let now = inputs.monotonicMs
        let red = redDebouncer.update(inputs.headRed, nowMs: now)
        let green = greenDebouncer.update(inputs.headGreen, nowMs: now)
        let signal = classifier.update(red: red, green: green, nowMs: now)
        if signal != head {
            head = signal
            events.append(.head(signal))
        }
        monitor.observeHead(inputs, signal: signal, events: &events)
        var floor = FloorFollower.floor(
            signal: signal, red: red, green: green, permitted: monitor.permitsFloor, maintenance: maintenanceFloor
        )
        monitor.observeFloor(inputs, commanded: floor, events: &events)
        // The monitor's own gate: a fault it latched on this very tick darkens the floor now.
        if !monitor.permitsFloor { floor = .dark }
        outputs.floor = floor
        outputs.floorLevelPercent = night && nightDecided ? nightLevelPercent : 100

        for (slot, zone) in waitingZoneIndices.enumerated() {
            waiting[slot] = inputs.presence[zone]
        }
        let anyoneWaiting = waiting.contains(true)
        let onCrossing = crossingZoneIndices.contains { inputs.presence[$0] }
        let warning = beacon.update(signal: signal, waiting: anyoneWaiting, onCrossing: onCrossing, nowMs: now)
        outputs.beacon = warning.warning
        outputs.beaconLamp = warning.lamp
        outputs.voice = voice.update(
            signal: signal, floor: floor, waiting: waiting, localMinuteOfDay: inputs.localMinuteOfDay, nowMs: now
        )
        outputs.voiceNightVolume = night ? .on : .off
        outputs.spotlightPercent = spotlight.update(night: night, anyonePresent: anyoneWaiting || onCrossing, nowMs: now)
    }
}
