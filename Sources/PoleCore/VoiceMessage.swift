/// A spoken guidance message, or none.
public enum VoiceMessage: Sendable, Hashable, CaseIterable {
    case none
    /// Red: "do not enter the roadway".
    case redWait
    /// Green: "look left and right, then cross".
    case greenCross
    /// Flashing green: "wait for the next signal".
    case flashWait

    /// The name used in traces and the control protocol.
    public var name: String {
        switch self {
        case .none: "none"
        case .redWait: "red-wait"
        case .greenCross: "green-cross"
        case .flashWait: "flash-wait"
        }
    }
}
