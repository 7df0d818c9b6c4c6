/// Everything the core needs to know about this pole: which features it has and how they behave.
///
/// Built by PoleConfig from the board (which roles exist) and the site file (behaviour). A feature is
/// `nil` when the board lacks the roles it needs.
public struct PoleSettings: Sendable, Hashable {
    /// The crosswalk feature, present when the board binds the head and floor roles.
    public var crosswalk: CrosswalkSettings?
    /// Names of the presence zones, in the order of `Inputs.presence`.
    public var presenceZones: [String]
    /// How night is decided.
    public var night: NightSettings
    /// The security lamp, present when the board binds its relay or dim line.
    public var lamp: LampSettings?
    /// Whether the pole measures air quality (the board has a particulate sensor).
    public var airQuality: Bool
    /// The dust-response actuator.
    public var mist: MistSettings

    public init(
        crosswalk: CrosswalkSettings?, presenceZones: [String] = [], night: NightSettings = NightSettings(),
        lamp: LampSettings? = nil,
        airQuality: Bool = false,
        mist: MistSettings = MistSettings()
    ) {
        self.crosswalk = crosswalk
        self.presenceZones = presenceZones
        self.night = night
        self.lamp = lamp
        self.airQuality = airQuality
        self.mist = mist
    }
}
