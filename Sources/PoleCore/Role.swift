/// What a line does on the pole. A board binds each role its pole has to one line.
///
/// Names in board files are the snake_case forms (`head_red`, `presence_a`, `voice_red_wait`,
/// `air_very_bad`); `Role(name:)` and `name` convert both ways.
public enum Role: Sendable, Hashable, Comparable, CustomStringConvertible {
    case headRed, headGreen
    case floorRed, floorGreen, floorRedSense, floorGreenSense, floorDim
    /// A presence detector for one zone (`a`, `b` for the kerbs, `crossing`, or any site name).
    case presence(zone: String)
    case beacon
    /// The trigger line of one voice message.
    case voice(VoiceMessage)
    case voiceNightVolume
    case spotlight
    case lampRelay, lampDim, motion, lampCurrent, photocell
    /// The indicator lamp of one air-quality grade.
    case air(AirIndication)
    case mist
    case heartbeat

    /// Whether the daemon reads or drives the role's line.
    public enum Direction: Sendable, Hashable {
        case input
        case output
    }

    private static let fixed: [(String, Role)] = [
        ("head_red", .headRed), ("head_green", .headGreen),
        ("floor_red", .floorRed), ("floor_green", .floorGreen),
        ("floor_red_sense", .floorRedSense), ("floor_green_sense", .floorGreenSense), ("floor_dim", .floorDim),
        ("beacon", .beacon), ("voice_night_volume", .voiceNightVolume), ("spotlight", .spotlight),
        ("lamp_relay", .lampRelay), ("lamp_dim", .lampDim), ("motion", .motion), ("lamp_current", .lampCurrent),
        ("photocell", .photocell), ("mist", .mist), ("heartbeat", .heartbeat),
    ]
    private static let voices: [(String, VoiceMessage)] = [
        ("red_wait", .redWait), ("green_cross", .greenCross), ("flash_wait", .flashWait),
    ]
    private static let airGrades: [(String, AirIndication)] = [
        ("good", .good), ("moderate", .moderate), ("bad", .bad), ("very_bad", .veryBad),
    ]

    /// Every role name a board may use, patterns shown as `presence_<zone>`.
    public static let acceptedNames: [String] =
        fixed.map(\.0) + ["presence_<zone>"] + voices.map { "voice_\($0.0)" } + airGrades.map { "air_\($0.0)" }

    /// The role a board-file key names, or `nil` if it names none.
    public init?(name: String) {
        if let match = Self.fixed.first(where: { $0.0 == name }) {
            self = match.1
        } else if name.hasPrefix("presence_") {
            let zone = String(name.dropFirst("presence_".count))
            guard Self.isZoneName(zone) else { return nil }
            self = .presence(zone: zone)
        } else if name.hasPrefix("voice_"), let match = Self.voices.first(where: { "voice_\($0.0)" == name }) {
            self = .voice(match.1)
        } else if name.hasPrefix("air_"), let match = Self.airGrades.first(where: { "air_\($0.0)" == name }) {
            self = .air(match.1)
        } else {
            return nil
        }
    }

    /// Zone names are lower-case letters, digits and `_`, starting with a letter.
    public static func isZoneName(_ zone: String) -> Bool {
        guard let first = zone.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return zone.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The board-file key of this role.
    public var name: String {
        switch self {
        case .presence(let zone): return "presence_\(zone)"
        case .voice(let message): return "voice_" + (Self.voices.first { $0.1 == message }?.0 ?? "none")
        case .air(let grade): return "air_" + (Self.airGrades.first { $0.1 == grade }?.0 ?? "off")
        default: return Self.fixed.first { $0.1 == self }?.0 ?? "unknown"
        }
    }

    public var description: String { name }

    /// Inputs are sensed; everything else is driven.
    public var direction: Direction {
        switch self {
        case .headRed, .headGreen, .floorRedSense, .floorGreenSense, .presence, .motion, .lampCurrent, .photocell:
            .input
        default:
            .output
        }
    }

    /// The level an output takes at start, on shutdown and in `safe-state` unless the board overrides it
    /// (docs/safety.md, "Safe values per role"): the security lamp fails lit, everything else fails off.
    public var defaultSafeOn: Bool {
        self == .lampRelay || self == .lampDim
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        lhs.name < rhs.name
    }
}
