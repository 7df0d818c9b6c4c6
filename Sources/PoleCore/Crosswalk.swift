/// The crosswalk feature: head sensing and classification, the floor signal behind its monitor, the
/// driver beacon, voice guidance and the spotlight.
public struct Crosswalk: Sendable {
    private let nightLevelPercent: Int
    private var redDebouncer: Debouncer<Lamp>
    private var greenDebouncer: Debouncer<Lamp>
    private var classifier: HeadClassifier
    /// The malfunction monitor, whose gate the floor passes through.
    public private(set) var monitor: CrosswalkMonitor
    private var beacon: DriverBeacon
    private var voice: VoiceGuidance
    private var spotlight: CrosswalkSpotlight
    private let waitingZoneIndices: [Int]
    private let crossingZoneIndices: [Int]
    private var waiting: [Bool]
    /// The classified head signal after the last step.
    public private(set) var head: HeadSignal = .dark

    /// A crosswalk for the pole's presence zones (in `Inputs.presence` order), starting with `latched`
    /// faults restored from the state file; `holdSatisfied` skips the start-up hold (a reload).
    public init(settings: CrosswalkSettings, presenceZones: [String], latched: [Fault] = [], holdSatisfied: Bool = false) {
        nightLevelPercent = settings.nightLevelPercent
        redDebouncer = Debouncer(debounceMs: settings.debounceMs)
        greenDebouncer = Debouncer(debounceMs: settings.debounceMs)
        classifier = HeadClassifier(settings: settings)
        monitor = CrosswalkMonitor(settings: settings, latched: latched, holdSatisfied: holdSatisfied)
        beacon = DriverBeacon(settings: settings)
        crossingZoneIndices = presenceZones.indices.filter { settings.crossingZones.contains(presenceZones[$0]) }
        waitingZoneIndices = presenceZones.indices.filter { !settings.crossingZones.contains(presenceZones[$0]) }
        waiting = Array(repeating: false, count: waitingZoneIndices.count)
        voice = VoiceGuidance(settings: settings, waitingZones: waitingZoneIndices.count)
        spotlight = CrosswalkSpotlight(settings: settings)
    }

    /// Advances one tick: sets the crosswalk's outputs and appends its events. `night` lights the
    /// spotlight and lowers the voice; the floor dims only when night was decided, since a floor
    /// dimmed in daylight would be hard to see.
    public mutating func step(
        _ inputs: Inputs, night: Bool, nightDecided: Bool, outputs: inout Outputs, events: inout [Event]
    ) {
        let now = inputs.monotonicMs
        monitor.apply(inputs.commands, events: &events)
        let red = redDebouncer.update(inputs.headRed, nowMs: now)
        let green = greenDebouncer.update(inputs.headGreen, nowMs: now)
        let signal = classifier.update(red: red, green: green, nowMs: now)
        if signal != head {
            head = signal
            events.append(.head(signal))
        }
        monitor.observeHead(inputs, signal: signal, events: &events)
        var floor = monitor.permitsFloor ? FloorFollower.floor(signal: signal, red: red, green: green) : .dark
        monitor.observeFloor(inputs, commanded: floor, flashing: signal == .flashingGreen, events: &events)
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
