/// The malfunction-management timings of NEMA TS2 practice (docs/safety.md, "Where the rules come
/// from" and "Timing numbers"). Standard values, not
/// settings: a monitor that a site file could slow down would not be a monitor.
public enum MonitorTimings {
    /// Cumulative disagreement that latches a conflict.
    public static let conflictLatchMs: Int64 = 300
    /// Continuous agreement that resets the conflict accumulator.
    public static let agreementResetMs: Int64 = 666
    /// The same while the head is flashing.
    public static let agreementResetFlashingMs: Int64 = 1_500
    /// Red and green together this long make the head implausible.
    public static let implausibleBothLitMs: Int64 = 300
    /// Neither lamp lit this long makes the head implausible: longer than any flash gap.
    public static let implausibleDarkMs: Int64 = 1_500
}
