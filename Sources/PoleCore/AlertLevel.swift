/// The fine-dust alert in force: none, an advisory (주의보) or a warning (경보).
///
/// Exists as the value the alert state machines produce and the beacon and trace consume; ordered so
/// the pole's alert is simply the highest of its pollutants'.
public enum AlertLevel: Int, Sendable, Hashable, CaseIterable, Comparable {
    case none
    case advisory
    case warning

    public static func < (lhs: AlertLevel, rhs: AlertLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The name used in traces and the control protocol.
    public var name: String {
        switch self {
        case .none: "none"
        case .advisory: "advisory"
        case .warning: "warning"
        }
    }
}
