/// How the local SQLite store batches and how much it keeps (`[store]`).
///
/// Exists because an SD card wears with every write: the store writes in batches and keeps a
/// bounded history, and these are the knobs a district tunes for its cards and its needs.
public struct StoreSettings: Sendable, Hashable {
    /// The database file.
    public var path: String = "/var/lib/poled/poled.sqlite"
    /// Events wait this long and are written together, 1 s…10 min; latching faults, their clears
    /// and technicians' commands are written at once.
    public var flushIntervalMs: Int64 = 30_000
    /// Air minutes (one a minute) are collected this long before they are written, 1 s…1 h: each
    /// write costs the card at least one 4 KiB block however little it holds.
    public var airFlushIntervalMs: Int64 = 300_000
    /// Events older than this are deleted, 1 d…10 years.
    public var keepEventsMs: Int64 = 365 * 86_400_000
    /// Air minutes older than this are deleted, 1 d…10 years.
    public var keepAirMs: Int64 = 30 * 86_400_000
    /// The data may not grow past this many bytes; the oldest air minutes, then events, then unsent
    /// uplink messages go first, 1 MiB…4 GiB.
    public var maxBytes: Int64 = 64 << 20

    public init() {}
}
