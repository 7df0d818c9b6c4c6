public import PoleConfig
public import PoleSim

/// Names in a scenario that the board does not have: a presence zone or an I²C device the
/// simulated street would silently ignore, so a typo would give a clean-looking run.
public enum ScenarioBoardCheck {
    /// One message per step that names something the board lacks, `steps[i].field: problem`.
    public static func problems(_ scenario: Scenario, board: BoardConfig) -> [ScenarioError.Problem] {
        let zones = board.presenceZones
        let devices = board.i2c.map(\.role)
        var problems: [ScenarioError.Problem] = []
        for step in scenario.steps {
            switch step.action {
            case .presence(let zone, _) where !zones.contains(zone):
                problems.append(.init(
                    field: "steps[\(step.index)].presence.zone",
                    message: "\"\(zone)\" is not a presence zone of board \(board.file); its zones: \(zones.isEmpty ? "none" : zones.joined(separator: ", "))"
                ))
            case .i2cFault(let device, _, _) where !devices.contains(device),
                 .i2cFaultCleared(let device) where !devices.contains(device),
                 .i2cFrame(let device, _) where !devices.contains(device):
                problems.append(.init(
                    field: "steps[\(step.index)].i2c.device",
                    message: "\"\(device)\" is not an I²C device of board \(board.file); its devices: \(devices.isEmpty ? "none" : devices.joined(separator: ", "))"
                ))
            default:
                break
            }
        }
        return problems.sorted { $0.field < $1.field }
    }
}
