/// Whether a lamp is lit, as sensed on its feed.
///
/// Used for the signal head's lamps and the floor lamps' sense inputs: an enum rather than a `Bool`
/// so that a call site reads `headGreen == .lit`, never `headGreen == true`.
public enum Lamp: Sendable, Hashable {
    case dark
    case lit

    /// `lit` for `true`, `dark` for `false`.
    public init(lit: Bool) {
        self = lit ? .lit : .dark
    }
}
