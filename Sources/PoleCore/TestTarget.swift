/// An output a technician may drive by hand in maintenance (`polectl test ROLE`), in the core's terms.
///
/// Exists so the core, which knows nothing of board roles, can still decide whether a test is safe:
/// the floor and the "cross" message follow the same invariants as in service. The runtime maps a
/// board role to one of these; the heartbeat is the loop's own and cannot be tested.
public enum TestTarget: Sendable, Hashable {
    /// One floor colour (red or green); dark is not a test.
    case floor(FloorIndication)
    /// The floor's dimming line.
    case floorDim
    case beacon
    case voice(VoiceMessage)
    case voiceNightVolume
    case spotlight
    /// The security lamp at full level (relay and dim line both asserted).
    case lamp
    case air(AirIndication)
    case mist

    /// The head indication this test needs for as long as it runs, where the invariants demand one:
    /// floor green only under a green head, floor red only under a red head; a voice message only in
    /// its own phase (invariant 7: during flashing green only "wait"), so a test never tells a
    /// pedestrian something the signal does not.
    public var requiredHead: HeadSignal? {
        switch self {
        case .floor(.green): .green
        case .floor(.red), .voice(.redWait): .red
        case .voice(.flashWait): .flashingGreen
        default: nil
        }
    }

    /// Whether this test may run only while the monitor would let the floor follow (no latched fault,
    /// no start-up hold, a plausible head): the floor colours.
    public var needsFloorPermitted: Bool {
        if case .floor = self { true } else { false }
    }

    /// Whether this test drives a crosswalk output (and so needs a crosswalk on the pole).
    public var isCrosswalk: Bool {
        switch self {
        case .floor, .floorDim, .beacon, .voice, .voiceNightVolume, .spotlight: true
        case .lamp, .air, .mist: false
        }
    }

    /// The name in events and the audit trail.
    public var name: String {
        switch self {
        case .floor(let colour): "floor-\(colour.name)"
        case .floorDim: "floor-dim"
        case .beacon: "beacon"
        case .voice(let message): "voice-\(message.name)"
        case .voiceNightVolume: "voice-night-volume"
        case .spotlight: "spotlight"
        case .lamp: "lamp"
        case .air(let grade): "air-\(grade.name)"
        case .mist: "mist"
        }
    }
}

extension TestTarget {
    /// The target `name` names (as in events and recordings), or `nil`.
    public init?(name: String) {
        let floors = FloorIndication.allCases.filter { $0 != .dark }.map { (Self.floor($0)) }
        let voices = VoiceMessage.allCases.filter { $0 != .none }.map { (Self.voice($0)) }
        let grades = AirIndication.allCases.filter { $0 != .off }.map { (Self.air($0)) }
        let all = floors + voices + grades + [.floorDim, .beacon, .voiceNightVolume, .spotlight, .lamp, .mist]
        guard let match = all.first(where: { $0.name == name }) else { return nil }
        self = match
    }
}
