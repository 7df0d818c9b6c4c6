/// The control protocol between poled and its clients (`polectl`), in one place: its version, its
/// changelog, its limits, and which answer each command gets. The wire types are in this module
/// beside it, each with its JSON form: `ControlRequest` (what a client asks), the answers below,
/// `ControlError` (the codes), `RequestID` and `ControlResponse` (the envelope).
///
/// Newline-delimited JSON on a Unix stream socket: one request line, one answer line, in order.
/// A request is `{"v":1,"cmd":…,"id":…,…fields}`; an answer `{"data":…,"id":…,"ok":true,"v":1}` or
/// `{"error":{"code":…,"message":…},"id":…,"ok":false,"v":1}`, keys sorted, the `id` echoed as the
/// client wrote it. The daemon checks a request in order: size, JSON, `v`, `cmd`, fields.
///
/// | `cmd`           | answer `data`                |
/// |-----------------|------------------------------|
/// | `status`        | `StatusAnswer`               |
/// | `faults`        | `FaultsAnswer`               |
/// | `faults.clear`  | `CommandAnswer`              |
/// | `maintenance`   | `CommandAnswer`              |
/// | `test`          | `CommandAnswer`              |
/// | `sensors`       | `[SensorAnswer]`             |
/// | `sensors.clean` | `CommandAnswer`              |
/// | `lines`         | `[LineAnswer]`               |
/// | `events`        | `[EventAnswer]`              |
/// | `air`           | `AirAnswer`, or null         |
/// | `version`       | `VersionAnswer`              |
///
/// Within a version, commands, fields and error codes are only ever added, never renamed, removed
/// or given another meaning: a client ignores fields it does not know, and reads a field added after
/// its version's first release as optional. Anything else is a new version, which a daemon that does
/// not speak it answers `unsupported-version`.
///
/// Changelog:
/// - v1 (poled 0.1.0): the eleven commands above; codes `malformed`, `too-large`,
///   `unsupported-version`, `unknown-command`, `unknown-field`, `bad-field`, `refused`, `busy`,
///   `timeout`; requests of at most 64 KiB; the `id` echoed as its JSON text.
public enum ControlProtocol {
    /// The protocol version this build speaks.
    public static let version = 1
    /// The longest request line, in bytes, newline excluded.
    public static let maxLineBytes = 64 * 1_024
    /// Maintenance lasts this long unless `for` says otherwise.
    public static let defaultMaintenanceMs: Int64 = 30 * 60_000
    /// The longest maintenance one request may ask for.
    public static let maxMaintenanceMs: Int64 = 12 * 3_600_000
    /// An output test lasts this long unless `for` says otherwise.
    public static let defaultTestMs: Int64 = 10_000
    /// The longest output test.
    public static let maxTestMs: Int64 = 10 * 60_000
    /// The longest reason kept in the audit trail, in Unicode scalars.
    public static let maxReasonCharacters = 200
    /// Every command name, in the order the documentation lists them.
    public static let commandNames = [
        "status", "faults", "faults.clear", "maintenance", "test", "sensors", "sensors.clean", "lines", "events", "air", "version",
    ]
}
