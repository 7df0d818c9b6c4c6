public import PoleCore

/// The site file's settings (docs/formats.md, "Site file"), each with its documented default.
///
/// Exists as one value so check-config can print what a pole will really run with, defaults included.
public struct SiteSettings: Sendable, Hashable {
    /// Identifies the pole in logs, the store and the uplink topic.
    public var siteID: String = "seoul-city-hall"
    /// Degrees north, −90…90.
    public var latitude: Double = 37.5665
    /// Degrees east, −180…180.
    public var longitude: Double = 126.9780
    /// An IANA zone name for local time (calendar rules, logs).
    public var timeZone: String = "Asia/Seoul"
    /// Control-loop tick, 5 ms…100 ms.
    public var tickMs: Int64 = 20
    /// SCHED_FIFO priority of the control loop's thread, 1…99, or 0 to stay at normal priority.
    public var realtimePriority: Int = 0
    /// Crosswalk timings.
    public var crosswalk = CrosswalkSettings()
    /// The night decision (its latitude and longitude are the site's).
    public var night = NightSettings()
    /// The security lamp.
    public var lamp = LampSettings()
    /// The dust-response actuator.
    public var mist = MistSettings()
    /// The SQLite store.
    public var store = StoreSettings()
    /// The MQTT uplink.
    public var uplink = UplinkSettings()
    /// The control socket's path.
    public var controlSocket: String = "/run/poled/control.sock"
    /// The group that may use the control socket.
    public var controlGroup: String = "poled"
    /// Control-socket clients served at once, 1…1024; one more is answered `busy`. The last place is
    /// kept for root, so a crowd of other users cannot lock out root's `polectl`.
    public var controlMaxClients = 128
    /// Connections one uid may hold at once, 1…`controlMaxClients`; 16, or `controlMaxClients` when
    /// that is smaller.
    public var controlMaxClientsPerUid = 16
    /// A control-socket client silent this long is dropped, 100 ms…1 h.
    public var controlClientTimeoutMs: Int64 = 10_000
    /// A request line must reach its newline within this long of its first byte, 100 ms…1 h: a
    /// client that trickles a line byte by byte is never silent, so the client timeout alone would
    /// keep it for ever.
    public var controlRequestTimeoutMs: Int64 = 5_000

    public init() {}
}
