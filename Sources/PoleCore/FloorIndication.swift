/// What the floor signal shows. One value, so red and green together cannot even be expressed.
public enum FloorIndication: Sendable, Hashable, CaseIterable {
    case dark
    case red
    case green

    /// The name used in traces and the control protocol.
    public var name: String {
        switch self {
        case .dark: "dark"
        case .red: "red"
        case .green: "green"
        }
    }
}
