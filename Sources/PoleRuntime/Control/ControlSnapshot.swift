public import PoleCore
public import PoleSensing

/// The pole as the control loop last saw it, published for the control socket to answer from.
///
/// Exists so reading the pole's state never touches the loop: the loop copies this out a few times
/// a second and the socket's thread answers `status`, `faults`, `sensors`, `lines` and `air` from
/// the copy, however many clients ask.
public struct ControlSnapshot: Sendable {
    /// One I²C sensor.
    public struct Sensor: Sendable, Hashable {
        /// `pm` or `lux`.
        public var role: String
        public var kind: String
        public var bus: String
        public var address: UInt8
        public var health: SensorHealth
    }

    /// One board line.
    public struct Line: Sendable, Hashable {
        public var role: String
        public var line: String
        public var chip: String?
        public var isOutput: Bool
        public var activeLow: Bool
        /// The logical value now: asserted or not.
        public var asserted: Bool
    }

    public var siteID: String
    public var boardFile: String
    public var backend: String
    public var processID: Int32
    /// Wall-clock time of the snapshot, ms since the Unix epoch.
    public var utcMs: Int64
    /// Monotonic ms since the loop started: the daemon's uptime.
    public var uptimeMs: Int64
    /// The system's monotonic clock (ms) when the loop published this, to tell how old it is.
    public var publishedMonotonicMs: Int64
    public var tickMs: Int64
    public var ticks: UInt64
    public var overruns: UInt64
    /// The worst wake-up lateness since the loop started, µs.
    public var latenessMaxMicroseconds: Int64
    public var head: HeadSignal?
    public var outputs: Outputs
    public var night: Bool?
    public var latched: [Fault]
    /// Every fault standing now, latched or not.
    public var active: [Fault]
    public var maintenance: Maintenance
    public var hasLamp: Bool
    public var hasAir: Bool
    public var airMinute: AirMinute?
    public var alert: AlertLevel
    public var sensors: [Sensor]
    public var lines: [Line]
    /// Log lines dropped because standard error did not take them (`LogWriter`).
    public var logLinesDropped = 0
    /// A snapshot older than this means the loop has stopped publishing: it is reported stalled and
    /// the pole not healthy. The systemd watchdog's period under systemd, else `defaultStallAfterMs`.
    public var stallAfterMs = defaultStallAfterMs

    /// The stall limit without a systemd watchdog.
    public static let defaultStallAfterMs: Int64 = 2_000

    /// Whether the pole reports a fault: anything latched or standing, or a sensor that is failing.
    public var reportsFault: Bool {
        !active.isEmpty || sensors.contains { $0.health.state == .failing || $0.health.state == .failed }
    }
}
