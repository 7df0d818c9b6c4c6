/// A fault the pole can raise, named as traces, the store and `polectl` show it.
public enum Fault: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The floor showed a colour the head did not, for ≥ 300 ms cumulative (docs/safety.md, invariant 3).
    case conflict
    /// The head showed red and green together ≥ 300 ms, or neither ≥ 1 500 ms (invariant 4).
    case headImplausible = "head-implausible"
    /// A floor colour was commanded but its lamps' feed sensed no current.
    case floorLampOut = "floor-lamp-out"
    /// The floor's sense showed the other colour than commanded (역불, opposite colour).
    case floorWrongColour = "floor-wrong-colour"
    /// The floor's sense showed red and green together (쌍불, both lit).
    case floorBothLit = "floor-both-lit"
    /// The wall clock cannot decide night (before `clock.min_valid`, just jumped, or unsynchronised):
    /// lamps go to their default level until a sensor or a trusted clock decides.
    case clockUntrusted = "clock-untrusted"
    /// The security lamp is commanded on but draws no current.
    case lampOut = "lamp-out"
    /// The security lamp draws current while commanded off (a welded relay).
    case lampUnexpectedOn = "lamp-unexpected-on"
    /// The security lamp keeps going out and restarting while commanded on.
    case lampCycling = "lamp-cycling"
    /// The record of latched faults was lost (the store was damaged and could not be read): the
    /// floor stays dark until a person has checked the crossing and clears this (invariant 5).
    case stateLost = "state-lost"
    /// The latched faults could not be written where a restart would find them (neither the store
    /// nor its copy took the change): the floor stays dark until they are, since a restart would
    /// otherwise forget a fault or bring back a cleared one.
    case latchedUnsaved = "latched-unsaved"

    /// Latched faults keep the floor dark until a person clears them, and survive restarts. An
    /// implausible head clears itself when the head is valid again (the fault is in the signal
    /// controller, not on this pole), and so does an untrusted clock.
    public var isLatching: Bool {
        switch self {
        case .conflict, .floorLampOut, .floorWrongColour, .floorBothLit, .stateLost: true
        case .headImplausible, .clockUntrusted, .lampOut, .lampUnexpectedOn, .lampCycling, .latchedUnsaved: false
        }
    }

    /// The name used in traces, the state file and the control protocol.
    public var name: String { rawValue }

    public static func < (lhs: Fault, rhs: Fault) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
