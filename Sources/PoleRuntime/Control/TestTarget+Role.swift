import PoleProtocol
import PoleCore

extension TestTarget {
    /// The test of a board output role, or why that role cannot be tested on this pole.
    static func of(_ role: Role, boundOutputs: Set<Role>) -> Result<TestTarget, ControlError> {
        guard role.direction == .output else {
            return .failure(ControlError(.badField, "role: \(role.name) is an input; only output roles can be tested"))
        }
        guard boundOutputs.contains(role) else {
            return .failure(ControlError(.badField, "role: this pole's board binds no \(role.name); `polectl lines` lists its roles"))
        }
        switch role {
        case .floorRed: return .success(.floor(.red))
        case .floorGreen: return .success(.floor(.green))
        case .floorDim: return .success(.floorDim)
        case .beacon: return .success(.beacon)
        case .voice(let message): return .success(.voice(message))
        case .voiceNightVolume: return .success(.voiceNightVolume)
        case .spotlight: return .success(.spotlight)
        case .lampRelay, .lampDim: return .success(.lamp)
        case .air(let grade): return .success(.air(grade))
        case .mist: return .success(.mist)
        default:
            return .failure(ControlError(.badField, "role: \(role.name) is the control loop's own line; it cannot be tested by hand"))
        }
    }
}
