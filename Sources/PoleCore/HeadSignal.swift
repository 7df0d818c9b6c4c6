/// What the pedestrian signal head is showing, as classified from its sensed lamps.
public enum HeadSignal: Sendable, Hashable, CaseIterable {
    /// Red lit alone: do not cross.
    case red
    /// Green lit steadily: cross.
    case green
    /// Green pulsing within the flash window: do not start crossing.
    case flashingGreen
    /// Neither lamp lit for longer than a flash gap.
    case dark
    /// Red and green lit together: the head cannot be believed.
    case implausible

    /// The name used in traces, events and the control protocol.
    public var name: String {
        switch self {
        case .red: "red"
        case .green: "green"
        case .flashingGreen: "flashing-green"
        case .dark: "dark"
        case .implausible: "implausible"
        }
    }

    /// Whether this is a state the floor may follow (red, green or flashing green).
    public var isValidIndication: Bool {
        switch self {
        case .red, .green, .flashingGreen: true
        case .dark, .implausible: false
        }
    }
}
