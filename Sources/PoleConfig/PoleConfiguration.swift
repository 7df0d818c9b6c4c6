public import PoleCore

/// The validated configuration of one pole: board plus site, with the features they imply.
///
/// Exists as the single value the runtime is built from, so nothing downstream re-reads a file or
/// re-checks a setting.
public struct PoleConfiguration: Sendable, Hashable {
    /// The features a pole has, as implied by the roles its board binds.
    public enum Feature: String, Sendable, Hashable, CaseIterable {
        case crosswalk
        case floorSense = "floor-sense"
        case beacon
        case voice
        case spotlight
        case securityLamp = "security-lamp"
        case motion
        case photocell
        case lightSensor = "light-sensor"
        case airQuality = "air-quality"
        case mist
        case heartbeat
    }

    /// The site file, or `nil` when running on `--board` alone with every default.
    public var siteFile: String?
    public var board: BoardConfig
    public var site: SiteSettings
    /// Active features, in `Feature.allCases` order.
    public var features: [Feature]

    /// The core's view: the crosswalk when the board has one, and the presence zones.
    public var poleSettings: PoleSettings {
        PoleSettings(
            crosswalk: features.contains(.crosswalk) ? site.crosswalk : nil,
            presenceZones: board.presenceZones,
            night: site.night,
            lamp: features.contains(.securityLamp) ? site.lamp : nil,
            airQuality: features.contains(.airQuality),
            mist: site.mist
        )
    }

    /// The roles the crosswalk needs together: a floor that follows nothing, or a head nobody follows,
    /// is a wiring mistake, not a feature.
    public static let crosswalkRoles: [Role] = [.headRed, .headGreen, .floorRed, .floorGreen]

    static func features(of board: BoardConfig) -> [Feature] {
        let roles = Set(board.lines.map(\.role) + board.pwm.map(\.role))
        let devices = Set(board.i2c.map(\.role))
        let hasVoice = roles.contains { if case .voice = $0 { return true } else { return false } }
        let present: [Feature: Bool] = [
            .crosswalk: crosswalkRoles.allSatisfy(roles.contains),
            .floorSense: roles.contains(.floorRedSense) && roles.contains(.floorGreenSense),
            .beacon: roles.contains(.beacon),
            .voice: hasVoice,
            .spotlight: roles.contains(.spotlight),
            .securityLamp: roles.contains(.lampRelay) || roles.contains(.lampDim),
            .motion: roles.contains(.motion),
            .photocell: roles.contains(.photocell),
            .lightSensor: devices.contains("lux"),
            .airQuality: devices.contains("pm"),
            .mist: roles.contains(.mist),
            .heartbeat: roles.contains(.heartbeat),
        ]
        return Feature.allCases.filter { present[$0] ?? false }
    }
}
