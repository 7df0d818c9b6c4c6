/// The logical level of one digital line, after any active-low inversion.
///
/// `high` means "asserted": a lamp driven, a sense input reporting current, a sensor reporting
/// presence. Whether that is a high or a low voltage on the pin is the board file's `active_low`,
/// applied by the backend, so nothing above the HAL ever thinks about wiring polarity.
public enum LineLevel: Sendable, Hashable {
    case low
    case high

    /// `high` for `true`, `low` for `false`.
    public init(asserted: Bool) {
        self = asserted ? .high : .low
    }

    /// Whether the line is asserted.
    public var isHigh: Bool { self == .high }
}
