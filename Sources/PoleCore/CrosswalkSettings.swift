/// The crosswalk's settings, validated by PoleConfig before the core sees them.
///
/// Defaults are the product's choices (docs/safety.md, "Timing numbers"): a 40 ms debounce keeps the
/// floor within 100 ms of the head at a 20 ms tick; 250–900 ms is the MUTCD flash pulse window (50–60
/// flashes a minute, lit ½–⅔ of each cycle) with margin; 6 s is the NEMA TS2 minimum safe hold after
/// power-up.
public struct CrosswalkSettings: Sendable, Hashable {
    /// How long a head-sense or floor-sense input must hold a new level before it is believed.
    public var debounceMs: Int64
    /// Shortest on or off pulse that still counts as flashing.
    public var flashPulseMinMs: Int64
    /// Longest on or off pulse that still counts as flashing; a longer gap is dark, a longer on is steady.
    public var flashPulseMaxMs: Int64
    /// How long the floor stays dark after start-up or a cleared fault, whatever the head shows.
    public var startupHoldMs: Int64
    /// A floor/head disagreement shorter than this is an edge (the floor catching up), not a conflict.
    public var followAllowanceMs: Int64
    /// Floor brightness at night, percent of full (dazzling floor lights at night are a complaint).
    public var nightLevelPercent: Int
    /// Presence zones on the crossing itself; every other zone is a waiting area on a kerb.
    public var crossingZones: [String]
    /// The driver warning stays on this long after the presence that raised it ends.
    public var beaconHoldMs: Int64
    /// Period of the beacon lamp's flashing while the warning is on; 0 for a steady lamp.
    public var beaconFlashPeriodMs: Int64
    /// At most one voice message per waiting zone in this time.
    public var voiceRateLimitMs: Int64
    /// How long a voice message's trigger line is held.
    public var voicePulseMs: Int64
    /// Local minutes of the day during which no voice message plays (start ..< end, may wrap
    /// midnight); `nil` for no quiet hours.
    public var voiceQuietMinutes: DailyWindow?
    /// Spotlight level at night with nobody present, percent.
    public var spotlightNightBasePercent: Int
    /// Spotlight level at night while someone is present, percent.
    public var spotlightBoostPercent: Int
    /// The boost lasts this long after the last presence ends.
    public var spotlightBoostHoldMs: Int64

    public init(
        debounceMs: Int64 = 40,
        flashPulseMinMs: Int64 = 250,
        flashPulseMaxMs: Int64 = 900,
        startupHoldMs: Int64 = 6_000,
        followAllowanceMs: Int64 = 100,
        nightLevelPercent: Int = 40,
        crossingZones: [String] = ["crossing"],
        beaconHoldMs: Int64 = 3_000,
        beaconFlashPeriodMs: Int64 = 1_000,
        voiceRateLimitMs: Int64 = 10_000,
        voicePulseMs: Int64 = 300,
        voiceQuietMinutes: DailyWindow? = nil,
        spotlightNightBasePercent: Int = 50,
        spotlightBoostPercent: Int = 100,
        spotlightBoostHoldMs: Int64 = 30_000
    ) {
        self.debounceMs = debounceMs
        self.flashPulseMinMs = flashPulseMinMs
        self.flashPulseMaxMs = flashPulseMaxMs
        self.startupHoldMs = startupHoldMs
        self.followAllowanceMs = followAllowanceMs
        self.nightLevelPercent = nightLevelPercent
        self.crossingZones = crossingZones
        self.beaconHoldMs = beaconHoldMs
        self.beaconFlashPeriodMs = beaconFlashPeriodMs
        self.voiceRateLimitMs = voiceRateLimitMs
        self.voicePulseMs = voicePulseMs
        self.voiceQuietMinutes = voiceQuietMinutes
        self.spotlightNightBasePercent = spotlightNightBasePercent
        self.spotlightBoostPercent = spotlightBoostPercent
        self.spotlightBoostHoldMs = spotlightBoostHoldMs
    }
}
