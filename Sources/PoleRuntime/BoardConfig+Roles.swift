public import PoleConfig
public import PoleCore

extension BoardConfig {
    /// The roles bound on this board split by direction, in the order their line sets are opened
    /// and `PoleIO` reads and writes them.
    public var rolesInOpeningOrder: (inputs: [Role], outputs: [Role]) {
        let inputs = lines.filter { $0.role.direction == .input }.map(\.role)
        let outputs = lines.filter { $0.role.direction == .output }.map(\.role)
        return (inputs, outputs)
    }
}
