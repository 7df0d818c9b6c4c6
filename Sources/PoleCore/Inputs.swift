/// Everything the core may know about one tick, as a value.
///
/// Exists so `Pole.step` never reads a clock, a line or a socket: the runtime samples the world,
/// fills this in, and a recording of these values replays to the same outputs. Optional fields are
/// `nil` when the pole's board does not bind that role.
public struct Inputs: Sendable, Hashable {
    /// The latest monotonic time the core takes, 2⁵³ ms (285 000 years): a later time is taken as
    /// this, so no timer's arithmetic can overflow whatever a caller or a recording passes.
    public static let monotonicMsMax: Int64 = 1 << 53

    /// Monotonic time of the tick, in ms since the loop started.
    public var monotonicMs: Int64
    /// Wall-clock time of the tick, in seconds since the Unix epoch (it may jump).
    public var utcSeconds: Int64
    /// The head's red lamp, as sensed.
    public var headRed: Lamp
    /// The head's green lamp, as sensed.
    public var headGreen: Lamp
    /// The floor's red lamps, as sensed on their feed, where the board has that input.
    public var floorRedSense: Lamp?
    /// The floor's green lamps, as sensed on their feed, where the board has that input.
    public var floorGreenSense: Lamp?
    /// Presence detectors, one per zone in the order of `PoleSettings.presenceZones`.
    public var presence: [Bool]
    /// The security lamp's motion detector.
    public var motion: Bool?
    /// The photocell: `true` when it reports dark.
    public var photocellDark: Bool?
    /// The light sensor, in lux, where the board has one.
    public var lux: SensorReading?
    /// The particulate sensor, where the board has one.
    public var particulates: ParticulateReading?
    /// The lamp-current sense input: `true` when current flows in the lamp feed.
    public var lampCurrent: Bool?
    /// Whether the kernel reports the wall clock synchronised (adjtimex), when the runtime knows.
    public var clockSynchronised: Bool?
    /// Local time of day at the site, minutes since midnight, when the runtime knows it.
    public var localMinuteOfDay: Int?
    /// Local date at the site, when the runtime knows it.
    public var localDate: LocalDate?
    /// Technician commands received since the last tick (usually none).
    public var commands: [Command]
    /// Whether a restart would restore the latched faults held now; the floor stays dark while not.
    public var latchedRecord: LatchedRecord

    public init(
        monotonicMs: Int64,
        utcSeconds: Int64,
        headRed: Lamp = .dark,
        headGreen: Lamp = .dark,
        floorRedSense: Lamp? = nil,
        floorGreenSense: Lamp? = nil,
        presence: [Bool] = [],
        motion: Bool? = nil,
        photocellDark: Bool? = nil,
        lux: SensorReading? = nil,
        particulates: ParticulateReading? = nil,
        lampCurrent: Bool? = nil,
        clockSynchronised: Bool? = nil,
        localMinuteOfDay: Int? = nil,
        localDate: LocalDate? = nil,
        commands: [Command] = [],
        latchedRecord: LatchedRecord = .saved
    ) {
        self.monotonicMs = monotonicMs
        self.utcSeconds = utcSeconds
        self.headRed = headRed
        self.headGreen = headGreen
        self.floorRedSense = floorRedSense
        self.floorGreenSense = floorGreenSense
        self.presence = presence
        self.motion = motion
        self.photocellDark = photocellDark
        self.lux = lux
        self.particulates = particulates
        self.lampCurrent = lampCurrent
        self.clockSynchronised = clockSynchronised
        self.localMinuteOfDay = localMinuteOfDay
        self.localDate = localDate
        self.commands = commands
        self.latchedRecord = latchedRecord
    }
}
