public import PoleCore
public import PoleHAL

/// One tick of the pole: sample, step the core, apply (docs/architecture.md, "One tick"), with the buffers it reuses.
///
/// Scheduling, the world, the trace and the status line belong to the runner that owns this; the
/// tick itself is the same in real and in virtual time.
public struct ControlLoop<InputLines: DigitalInputSet, OutputLines: DigitalOutputSet> {
    public private(set) var pole: Pole
    public private(set) var io: PoleIO<InputLines, OutputLines>
    private var inputs: Inputs
    /// This tick's events; cleared at the start of each tick, capacity kept.
    public private(set) var events: [Event] = []
    /// The outputs of the last tick.
    public private(set) var outputs = Outputs.safe
    private var heartbeat = LineLevel.low

    public init(pole: Pole, io: PoleIO<InputLines, OutputLines>) {
        self.pole = pole
        self.io = io
        inputs = Inputs(
            monotonicMs: 0, utcSeconds: 0,
            presence: Array(repeating: false, count: pole.settings.presenceZones.count)
        )
        events.reserveCapacity(16)
    }

    /// The inputs the core saw on the last tick.
    public var lastInputs: Inputs { inputs }

    /// Runs one tick at the given times, with any technician commands received since the last and
    /// how far the latched faults' record has got, and returns the outputs driven.
    @discardableResult
    public mutating func tick(
        monotonicMs: Int64, utcSeconds: Int64, clockSynchronised: Bool? = nil, localMinuteOfDay: Int? = nil,
        localDate: LocalDate? = nil, lux: SensorReading? = nil, particulates: ParticulateReading? = nil,
        commands: [Command] = [], latchedRecord: LatchedRecord = .saved
    ) throws(HALError) -> Outputs {
        if !events.isEmpty { events.removeAll(keepingCapacity: true) }
        inputs.monotonicMs = monotonicMs
        inputs.utcSeconds = utcSeconds
        inputs.clockSynchronised = clockSynchronised
        inputs.localMinuteOfDay = localMinuteOfDay
        inputs.localDate = localDate
        inputs.lux = lux
        inputs.particulates = particulates
        inputs.commands = commands
        inputs.latchedRecord = latchedRecord
        try io.sample(into: &inputs)
        outputs = pole.step(inputs, events: &events)
        heartbeat = heartbeat == .low ? .high : .low
        try io.apply(outputs, heartbeat: heartbeat)
        return outputs
    }

    /// Takes new settings from a reloaded site file, keeping latched faults and a served start-up hold.
    public mutating func reconfigure(with settings: PoleSettings) {
        pole = pole.reconfigured(with: settings)
    }

    /// Drives every output to its safe level: the last thing done before the lines are let go.
    public mutating func driveSafe() throws(HALError) {
        outputs = .safe
        try io.applySafeLevels()
    }
}
