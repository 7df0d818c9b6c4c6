/// The security lamp's behaviour (defaults: docs/formats.md, "Site file"; TALQ's dimming terms:
/// docs/sensors.md, "Night and street lighting").
///
/// Defaults: 30 % with nobody there, 100 % on motion, held 120 s, instant ramp up (someone arriving
/// must see at once), 30 s ramp down (a gentle return), never below 10 % at night. Lamp faults need a
/// condition to last `faultDelayMs` (a discharge lamp takes seconds to strike).
public struct LampSettings: Sendable, Hashable {
    public var idleLevelPercent: Int
    public var fullLevelPercent: Int
    public var motionHoldMs: Int64
    public var rampUpMs: Int64
    public var rampDownMs: Int64
    /// No night level below this, whatever the idle level says.
    public var nightFloorPercent: Int
    /// How long lamp current must disagree with the command before a fault.
    public var faultDelayMs: Int64
    /// This many current interruptions within `cyclingWindowMs` while commanded steadily on is cycling.
    public var cyclingCount: Int
    public var cyclingWindowMs: Int64
    /// An on-switch is suppressed when the night would end within this time anyway.
    public var minOnTimeMs: Int64
    /// Ordered calendar rules; the first that matches wins.
    public var calendar: [CalendarRule]

    public init(
        idleLevelPercent: Int = 30,
        fullLevelPercent: Int = 100,
        motionHoldMs: Int64 = 120_000,
        rampUpMs: Int64 = 0,
        rampDownMs: Int64 = 30_000,
        nightFloorPercent: Int = 10,
        faultDelayMs: Int64 = 5_000,
        cyclingCount: Int = 3,
        cyclingWindowMs: Int64 = 600_000,
        minOnTimeMs: Int64 = 120_000,
        calendar: [CalendarRule] = []
    ) {
        self.idleLevelPercent = idleLevelPercent
        self.fullLevelPercent = fullLevelPercent
        self.motionHoldMs = motionHoldMs
        self.rampUpMs = rampUpMs
        self.rampDownMs = rampDownMs
        self.nightFloorPercent = nightFloorPercent
        self.faultDelayMs = faultDelayMs
        self.cyclingCount = cyclingCount
        self.cyclingWindowMs = cyclingWindowMs
        self.minOnTimeMs = minOnTimeMs
        self.calendar = calendar
    }
}
