public import PoleCore
public import PoleHAL

/// Maps between the core's values and the board's lines: `Inputs` from sampled levels, levels from
/// `Outputs`, written only when something changed.
///
/// Exists so the core speaks roles and the HAL speaks line indices, and neither knows the other.
/// Buffers are sized once at start; a tick allocates nothing here.
public struct PoleIO<InputLines: DigitalInputSet, OutputLines: DigitalOutputSet> {
    public private(set) var inputLines: InputLines
    public private(set) var outputLines: OutputLines
    /// Input roles in line order.
    public let inputRoles: [Role]
    /// Output roles in line order.
    public let outputRoles: [Role]
    private let inputFields: [InputField]
    private let outputSources: [OutputSource]
    /// The indices of the heartbeat's lines among the outputs.
    private let heartbeatIndices: [Int]
    private let zoneCount: Int
    private var inputLevels: [LineLevel]
    /// The output levels last written (element by element, so a tick copies no array); the safe
    /// levels before the first write.
    private var outputLevels: [LineLevel]
    /// Whether `outputLevels` is on the lines: false before the first write and after a failed one.
    private var written = false
    /// The core's outputs `outputLevels` were worked out from: when the next are the same, only the
    /// heartbeat can have changed.
    private var levelsOutputs: Outputs?
    private var pwm: [(role: Role, channel: any PWMChannel)]

    /// The chip a line bound without one is shown on (`polectl lines`): the simulated chip's label
    /// on the simulated board, none on a real one, where such a line is found by name on any chip.
    public var unnamedChipLabel: String?

    /// Wraps opened line sets whose lines follow `BoardConfig.rolesInOpeningOrder`; zones in
    /// `presenceZones` order.
    public init(
        inputLines: InputLines, outputLines: OutputLines, inputRoles: [Role], outputRoles: [Role],
        presenceZones: [String], pwm: [(role: Role, channel: any PWMChannel)] = []
    ) {
        self.pwm = pwm
        precondition(inputLines.lineCount == inputRoles.count, "one input line per input role")
        precondition(outputLines.lineCount == outputRoles.count, "one output line per output role")
        self.inputLines = inputLines
        self.outputLines = outputLines
        self.inputRoles = inputRoles
        self.outputRoles = outputRoles
        precondition(
            presenceZones.allSatisfy { inputRoles.contains(.presence(zone: $0)) }, "every presence zone has an input line"
        )
        inputFields = inputRoles.map { InputField($0, zones: presenceZones) }
        zoneCount = presenceZones.count
        outputSources = outputRoles.map(OutputSource.init)
        heartbeatIndices = outputRoles.indices.filter { outputRoles[$0] == .heartbeat }
        inputLevels = Array(repeating: .low, count: inputRoles.count)
        outputLevels = outputLines.safeLevels
    }

    /// The input lines' logical levels at the last sample, in `inputRoles` order.
    public var sampledInputLevels: [LineLevel] { inputLevels }

    /// The output lines' logical levels as last driven, in `outputRoles` order.
    public var drivenOutputLevels: [LineLevel] { written ? outputLevels : outputLines.safeLevels }

    /// Samples every input line and fills the role fields of `inputs` (times are left as they are).
    public mutating func sample(into inputs: inout Inputs) throws(HALError) {
        try inputLines.sample(into: &inputLevels)
        if inputs.presence.count != zoneCount {
            inputs.presence = Array(repeating: false, count: zoneCount)
        }
        for index in inputFields.indices {
            let high = inputLevels[index].isHigh
            switch inputFields[index] {
            case .headRed: inputs.headRed = Lamp(lit: high)
            case .headGreen: inputs.headGreen = Lamp(lit: high)
            case .floorRedSense: inputs.floorRedSense = Lamp(lit: high)
            case .floorGreenSense: inputs.floorGreenSense = Lamp(lit: high)
            case .motion: inputs.motion = high
            case .lampCurrent: inputs.lampCurrent = high
            case .photocell: inputs.photocellDark = high
            case .presence(let zone): inputs.presence[zone] = high
            }
        }
    }

    /// Drives `outputs` (and the heartbeat level) on the output lines, in one write, only if any
    /// line changed. Returns whether it wrote.
    @discardableResult
    public mutating func apply(_ outputs: Outputs, heartbeat: LineLevel) throws(HALError) -> Bool {
        for index in pwm.indices {
            try pwm[index].channel.setDuty(percent: pwm[index].role == .lampDim ? outputs.lampPercent : outputs.spotlightPercent)
        }
        var changed = !written
        if outputs != levelsOutputs {
            for index in outputSources.indices {
                let level = outputSources[index].level(in: outputs, heartbeat: heartbeat)
                if level != outputLevels[index] {
                    outputLevels[index] = level
                    changed = true
                }
            }
            levelsOutputs = outputs
        }
        for index in heartbeatIndices where outputLevels[index] != heartbeat {
            outputLevels[index] = heartbeat
            changed = true
        }
        guard changed else { return false }
        written = false
        try outputLines.apply(outputLevels)
        written = true
        return true
    }

    /// Drives every output line to its safe level.
    public mutating func applySafeLevels() throws(HALError) {
        for index in pwm.indices {
            try pwm[index].channel.setDuty(percent: pwm[index].channel.safeDutyPercent)
        }
        written = false
        try outputLines.applySafeLevels()
        outputLevels = outputLines.safeLevels
        levelsOutputs = nil
        written = true
    }
}

/// Where an input line's level goes in `Inputs`, worked out once from its role.
private enum InputField {
    case headRed, headGreen, floorRedSense, floorGreenSense, motion, lampCurrent, photocell
    /// `Inputs.presence` at this index.
    case presence(zone: Int)

    init(_ role: Role, zones: [String]) {
        switch role {
        case .headRed: self = .headRed
        case .headGreen: self = .headGreen
        case .floorRedSense: self = .floorRedSense
        case .floorGreenSense: self = .floorGreenSense
        case .motion: self = .motion
        case .lampCurrent: self = .lampCurrent
        case .photocell: self = .photocell
        case .presence(let zone):
            guard let index = zones.firstIndex(of: zone) else { preconditionFailure("presence line of zone \(zone), not among the board's zones") }
            self = .presence(zone: index)
        default: preconditionFailure("output role \(role) among the inputs")
        }
    }
}

/// What an output line shows, worked out once from its role.
private enum OutputSource {
    case floorRed, floorGreen, floorDim, voiceNightVolume, heartbeat, beacon, spotlight, lampRelay, lampDim, mist
    case voice(VoiceMessage)
    case air(AirIndication)

    init(_ role: Role) {
        switch role {
        case .floorRed: self = .floorRed
        case .floorGreen: self = .floorGreen
        case .floorDim: self = .floorDim
        case .voiceNightVolume: self = .voiceNightVolume
        case .heartbeat: self = .heartbeat
        case .beacon: self = .beacon
        case .voice(let message): self = .voice(message)
        case .spotlight: self = .spotlight
        case .lampRelay: self = .lampRelay
        case .lampDim: self = .lampDim
        case .air(let grade): self = .air(grade)
        case .mist: self = .mist
        default: preconditionFailure("input role \(role) among the outputs")
        }
    }

    /// The line's level for the core's outputs and this tick's heartbeat. Levels in percent become
    /// on/off lines here for roles the board binds to a line (a `lamp_dim` or `spotlight` bound to a
    /// PWM channel gets its duty in `apply` instead): relay and spotlight on above zero, the lamp's dim
    /// line on at full level, the floor's dim line on below full.
    func level(in outputs: Outputs, heartbeat: LineLevel) -> LineLevel {
        let asserted: Bool
        switch self {
        case .floorRed: asserted = outputs.floor == .red
        case .floorGreen: asserted = outputs.floor == .green
        case .floorDim: asserted = outputs.floorLevelPercent < 100
        case .voiceNightVolume: asserted = outputs.voiceNightVolume == .on
        case .heartbeat: return heartbeat
        case .beacon: asserted = outputs.beaconLamp == .on
        case .voice(let message): asserted = outputs.voice == message
        case .spotlight: asserted = outputs.spotlightPercent > 0
        case .lampRelay: asserted = outputs.lampPercent > 0
        case .lampDim: asserted = outputs.lampPercent >= 100
        case .air(let grade): asserted = outputs.air == grade
        case .mist: asserted = outputs.mist == .on
        }
        return LineLevel(asserted: asserted)
    }
}
