/// The air-quality indicator lamp shown to passers-by.
public enum AirIndication: Sendable, Hashable, CaseIterable {
    case off
    case good
    case moderate
    case bad
    case veryBad

    /// The name used in traces and the control protocol.
    public var name: String {
        switch self {
        case .off: "off"
        case .good: "good"
        case .moderate: "moderate"
        case .bad: "bad"
        case .veryBad: "very-bad"
        }
    }
}
