/// What a sensor poller knows about its sensor's health, for `polectl sensors` and `status`.
///
/// Exists so a technician can tell a dead sensor from a dirty one from a cable problem without a
/// logic analyser: the last good sample's time, how many errors and which was last, the identity the
/// sensor reported, and its own status flags where it has them.
public struct SensorHealth: Sendable, Hashable {
    /// The sensor's condition now.
    public enum State: String, Sendable, Hashable {
        /// Not yet polled, or started and not yet answering with values.
        case starting
        /// Measuring, but inside its warm-up time: values are not used yet.
        case warmingUp = "warming-up"
        case ok
        /// The last poll failed; recovery is under way.
        case failing
        /// Recovery gave up for now; retried slowly.
        case failed
    }

    public var state: State = .starting
    /// Monotonic ms of the last good sample.
    public var lastSampleMs: Int64?
    /// Errors since the daemon started.
    public var errors = 0
    /// The last error's kind (`nack`, `crc`, …).
    public var lastError: String?
    /// The serial number the sensor reported, where it has one.
    public var serial: String?
    /// The firmware version the sensor reported, where it has one.
    public var firmware: String?
    /// Status flags raised by the sensor itself (`fan-speed`, `laser`, `fan`), empty when all is well.
    public var flags: [String] = []
    /// Monotonic ms until which a fan cleaning runs.
    public var cleaningUntilMs: Int64?

    public init() {}

    /// Records a good sample at `nowMs`.
    public mutating func sampled(atMs nowMs: Int64) {
        state = .ok
        lastSampleMs = nowMs
    }

    /// Records a failed poll.
    public mutating func failed(_ error: String) {
        state = .failing
        errors += 1
        lastError = error
    }
}
