public import PoleCore

/// The names and durations a client checks before it sends a request, by the rules the daemon
/// applies to them: a typo in a fault or role name, or a duration like "5 minutes", is a usage error
/// at the technician's prompt instead of a round trip to the pole.
public enum ControlVocabulary {
    /// Every fault's name, and those only a person may clear.
    public static let faultNames = Fault.allCases.map(\.name)
    public static let latchingFaultNames = Fault.allCases.filter(\.isLatching).map(\.name)

    /// The fault named `name`, as `faults.clear` takes it.
    public static func fault(named name: String) -> Fault? {
        Fault(rawValue: name)
    }

    /// The role named `name` (a board-file key such as `floor_green`), as `test` takes it.
    public static func role(named name: String) -> Role? {
        Role(name: name)
    }

    /// A duration such as "30s", "10m" or "500ms", in ms, or what is wrong with it.
    public static func milliseconds(_ text: String) -> Result<Int64, DurationText.Problem> {
        DurationText.milliseconds(text)
    }
}
