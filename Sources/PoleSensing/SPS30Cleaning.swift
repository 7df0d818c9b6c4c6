/// What a technician is told when an SPS30 fan cleaning is accepted.
///
/// Exists apart from the generic `ParticulatePoller` so a caller that hands the request to a poller
/// on another thread (the daemon's background sensors) answers with the same words without naming
/// the poller's bus type.
public enum SPS30Cleaning {
    /// The answer to an accepted `sensors.clean`.
    public static let accepted = "fan cleaning requested: the SPS30 runs its fan at full speed for 10 s and reports no values meanwhile"
}
