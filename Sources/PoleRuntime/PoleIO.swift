public import PoleConfig
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
    private let presenceIndex: [Int]
    private var inputLevels: [LineLevel]
    private var outputLevels: [LineLevel]
    private var appliedLevels: [LineLevel]?
    private var pwm: [(role: Role, channel: any PWMChannel)]

    /// The roles of `board` split by direction, in the order their line sets must be opened.
    public static func roles(of board: BoardConfig) -> (inputs: [Role], outputs: [Role]) {
        let inputs = board.lines.filter { $0.role.direction == .input }.map(\.role)
        let outputs = board.lines.filter { $0.role.direction == .output }.map(\.role)
        return (inputs, outputs)
    }

    /// Wraps opened line sets whose lines follow `roles(of:)` order; zones in `presenceZones` order.
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
        presenceIndex = presenceZones.map { zone in
            inputRoles.firstIndex(of: .presence(zone: zone)) ?? -1
        }
        precondition(!presenceIndex.contains(-1), "every presence zone has an input line")
        inputLevels = Array(repeating: .low, count: inputRoles.count)
        outputLevels = outputLines.safeLevels
    }

    /// The input lines' logical levels at the last sample, in `inputRoles` order.
    public var sampledInputLevels: [LineLevel] { inputLevels }

    /// The output lines' logical levels as last driven, in `outputRoles` order.
    public var drivenOutputLevels: [LineLevel] { appliedLevels ?? outputLines.safeLevels }

    /// Samples every input line and fills the role fields of `inputs` (times are left as they are).
    public mutating func sample(into inputs: inout Inputs) throws(HALError) {
        try inputLines.sample(into: &inputLevels)
        for (index, role) in inputRoles.enumerated() {
            let level = inputLevels[index]
            switch role {
            case .headRed: inputs.headRed = Lamp(lit: level.isHigh)
            case .headGreen: inputs.headGreen = Lamp(lit: level.isHigh)
            case .floorRedSense: inputs.floorRedSense = Lamp(lit: level.isHigh)
            case .floorGreenSense: inputs.floorGreenSense = Lamp(lit: level.isHigh)
            case .motion: inputs.motion = level.isHigh
            case .lampCurrent: inputs.lampCurrent = level.isHigh
            case .photocell: inputs.photocellDark = level.isHigh
            case .presence: break
            default: preconditionFailure("output role \(role) among the inputs")
            }
        }
        if inputs.presence.count != presenceIndex.count {
            inputs.presence = Array(repeating: false, count: presenceIndex.count)
        }
        for (zone, index) in presenceIndex.enumerated() {
            inputs.presence[zone] = inputLevels[index].isHigh
        }
    }

    /// Drives `outputs` (and the heartbeat level) on the output lines, in one write, only if any
    /// line changed. Returns whether it wrote.
    @discardableResult
    public mutating func apply(_ outputs: Outputs, heartbeat: LineLevel) throws(HALError) -> Bool {
        for index in pwm.indices {
            try pwm[index].channel.setDuty(percent: pwm[index].role == .lampDim ? outputs.lampPercent : outputs.spotlightPercent)
        }
        for (index, role) in outputRoles.enumerated() {
            outputLevels[index] = role == .heartbeat ? heartbeat : Self.level(of: role, in: outputs)
        }
        if outputLevels == appliedLevels { return false }
        try outputLines.apply(outputLevels)
        appliedLevels = outputLevels
        return true
    }

    /// Drives every output line to its safe level.
    public mutating func applySafeLevels() throws(HALError) {
        for index in pwm.indices {
            try pwm[index].channel.setDuty(percent: pwm[index].channel.safeDutyPercent)
        }
        try outputLines.applySafeLevels()
        appliedLevels = outputLines.safeLevels
    }

    /// The level of one output role for the core's outputs. Levels in percent become on/off lines
    /// here until PWM outputs arrive: relay and spotlight on above zero, the lamp's dim line on at
    /// full level, the floor's dim line on below full.
    static func level(of role: Role, in outputs: Outputs) -> LineLevel {
        let asserted: Bool
        switch role {
        case .floorRed: asserted = outputs.floor == .red
        case .floorGreen: asserted = outputs.floor == .green
        case .floorDim: asserted = outputs.floorLevelPercent < 100
        case .voiceNightVolume: asserted = outputs.voiceNightVolume == .on
        case .heartbeat: asserted = false
        case .beacon: asserted = outputs.beaconLamp == .on
        case .voice(let message): asserted = outputs.voice == message
        case .spotlight: asserted = outputs.spotlightPercent > 0
        case .lampRelay: asserted = outputs.lampPercent > 0
        case .lampDim: asserted = outputs.lampPercent >= 100
        case .air(let grade): asserted = outputs.air == grade
        case .mist: asserted = outputs.mist == .on
        default: preconditionFailure("input role \(role) among the outputs")
        }
        return LineLevel(asserted: asserted)
    }
}
