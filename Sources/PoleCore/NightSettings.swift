/// How the pole decides that it is night (docs/safety.md, invariant 8; docs/sensors.md,
/// "Night and street lighting").
public struct NightSettings: Sendable, Hashable {
    /// Where the decision comes from.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// The astronomical clock: sunset to sunrise (zenith 90°50′) with offsets.
        case astro
        /// The photocell or light sensor alone, with a turn-on delay.
        case sensor
        /// The astronomical clock, except near dusk and dawn, where the photocell decides (TALQ
        /// "AstroAndSensor"): a dark afternoon storm does not light the lamps, a late dusk does.
        case astroAndSensor = "astro-and-sensor"
    }

    public var mode: Mode
    /// Degrees north and east of the site.
    public var latitudeDegrees: Double
    public var longitudeDegrees: Double
    /// Night starts this many minutes after sunset (negative: before), −120…120.
    public var duskOffsetMinutes: Int
    /// Night ends this many minutes after sunrise (negative: before), −120…120.
    public var dawnOffsetMinutes: Int
    /// In astro-and-sensor mode, the sensor decides within this many minutes of sunset and sunrise.
    public var sensorWindowMinutes: Int
    /// The photocell must report dark this long before night begins (not at start).
    public var sensorTurnOnDelayMs: Int64
    /// A light sensor reads dark below this (ANSI C136.10: 1.5 fc ≈ 16 lx).
    public var luxDarkBelow: Double
    /// A light sensor reads light again above this (about 4 × the turn-on level).
    public var luxLightAbove: Double
    /// A wall clock before this (seconds since 1970) is not trusted: a Pi without an RTC boots with
    /// a stale saved time.
    public var clockMinValidUTCSeconds: Int64
    /// A wall-clock jump larger than this (against the monotonic clock) is not trusted for a while.
    public var clockMaxJumpMs: Int64
    /// How long the wall clock stays untrusted after a jump.
    public var clockDistrustAfterJumpMs: Int64

    public init(
        mode: Mode = .astro,
        latitudeDegrees: Double = 37.5665,
        longitudeDegrees: Double = 126.9780,
        duskOffsetMinutes: Int = 0,
        dawnOffsetMinutes: Int = 0,
        sensorWindowMinutes: Int = 60,
        sensorTurnOnDelayMs: Int64 = 60_000,
        luxDarkBelow: Double = 16,
        luxLightAbove: Double = 64,
        clockMinValidUTCSeconds: Int64 = 1_735_689_600,
        clockMaxJumpMs: Int64 = 600_000,
        clockDistrustAfterJumpMs: Int64 = 600_000
    ) {
        self.mode = mode
        self.latitudeDegrees = latitudeDegrees
        self.longitudeDegrees = longitudeDegrees
        self.duskOffsetMinutes = duskOffsetMinutes
        self.dawnOffsetMinutes = dawnOffsetMinutes
        self.sensorWindowMinutes = sensorWindowMinutes
        self.sensorTurnOnDelayMs = sensorTurnOnDelayMs
        self.luxDarkBelow = luxDarkBelow
        self.luxLightAbove = luxLightAbove
        self.clockMinValidUTCSeconds = clockMinValidUTCSeconds
        self.clockMaxJumpMs = clockMaxJumpMs
        self.clockDistrustAfterJumpMs = clockDistrustAfterJumpMs
    }
}
