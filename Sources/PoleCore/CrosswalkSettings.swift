/// The crosswalk's timing settings, validated by PoleConfig before the core sees them.
///
/// Defaults are the product's choices (DESIGN.md §4): a 40 ms debounce keeps the floor within 100 ms of
/// the head at a 20 ms tick; 250–900 ms is the MUTCD flash pulse window (50–60 flashes a minute, lit
/// ½–⅔ of each cycle) with margin; 6 s is the NEMA TS2 minimum safe hold after power-up.
public struct CrosswalkSettings: Sendable, Hashable {
    /// How long a head-sense input must hold a new level before it is believed.
    public var debounceMs: Int64
    /// Shortest on or off pulse that still counts as flashing.
    public var flashPulseMinMs: Int64
    /// Longest on or off pulse that still counts as flashing; a longer gap is dark, a longer on is steady.
    public var flashPulseMaxMs: Int64
    /// How long the floor stays dark after start-up, whatever the head shows.
    public var startupHoldMs: Int64

    /// A head dark for this long is implausible (DESIGN.md §4 invariant 4): longer than any flash gap,
    /// so a flash pulse must be shorter.
    public static let implausibleDarkMs: Int64 = 1_500

    public init(
        debounceMs: Int64 = 40,
        flashPulseMinMs: Int64 = 250,
        flashPulseMaxMs: Int64 = 900,
        startupHoldMs: Int64 = 6_000
    ) {
        self.debounceMs = debounceMs
        self.flashPulseMinMs = flashPulseMinMs
        self.flashPulseMaxMs = flashPulseMaxMs
        self.startupHoldMs = startupHoldMs
    }
}
