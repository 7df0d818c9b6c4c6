/// Everything the core commands for one tick, as a value.
///
/// The runtime maps these to lines (only the ones that changed) and to the trace. Levels are percent.
public struct Outputs: Sendable, Hashable {
    /// The floor signal.
    public var floor: FloorIndication
    /// Floor brightness, percent: full by day, the night level at night.
    public var floorLevelPercent: Int
    /// The driver warning: on while it is active (traced).
    public var beacon: Switch
    /// The beacon lamp itself, flashing while the warning is on.
    public var beaconLamp: Switch
    /// The voice message whose trigger is held this tick.
    public var voice: VoiceMessage
    /// Voice at night volume.
    public var voiceNightVolume: Switch
    /// The crosswalk spotlight's level, percent: off by day.
    public var spotlightPercent: Int
    /// The security lamp's level, percent: 100 until the lamp feature decides otherwise (fail lit).
    public var lampPercent: Int
    /// The air-quality indicator.
    public var air: AirIndication
    /// The dust-response actuator.
    public var mist: Switch

    /// The known-safe state (docs/safety.md, "Safe values per role"): crosswalk, beacon, voice, air and
    /// mist off; the security lamp full, because lamps fail lit.
    public static let safe = Outputs()

    private init() {
        floor = .dark
        floorLevelPercent = 100
        beacon = .off
        beaconLamp = .off
        voice = .none
        voiceNightVolume = .off
        spotlightPercent = 0
        lampPercent = 100
        air = .off
        mist = .off
    }
}
