/// The MQTT uplink to the district (`[uplink]`), off unless a site turns it on.
///
/// Exists as its own value because the broker, credentials and certificates are the district's,
/// not the pole's: they change without touching the crosswalk's settings.
public struct UplinkSettings: Sendable, Hashable {
    public var enabled = false
    /// The broker's host name or address.
    public var host = ""
    /// 1883 without TLS, 8883 with it, unless set.
    public var port: Int?
    /// Defaults to `poled-<site id>`.
    public var clientID: String?
    /// Topics are `<prefix>/<site id>/status|events|air`.
    public var topicPrefix = "poled"
    public var keepAliveSeconds = 60
    /// The retained status is published this often, and at once after a reconnect.
    public var statusIntervalMs: Int64 = 60_000
    public var username: String?
    /// A file holding the password on its first line, so it stays out of the site file.
    public var passwordFile: String?
    /// TLS is on when a CA file is given.
    public var caFile: String?
    public var certFile: String?
    public var keyFile: String?

    public init() {}

    /// The port the client connects to.
    public var effectivePort: Int {
        port ?? (caFile == nil ? 1883 : 8883)
    }
}
