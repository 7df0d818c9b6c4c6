public import PoleCore
import PoleJSON

/// The first line of a recording: what the core started from, so a replay starts from the same state.
public struct RecordingHeader: Sendable, Hashable {
    /// The format's version.
    public static let formatVersion = 1

    /// The site file the recording ran with, if any.
    public var sitePath: String?
    /// The board file the recording ran with.
    public var boardPath: String
    public var tickMs: Int64
    /// The presence zones, in `Inputs.presence` order.
    public var zones: [String]
    /// Latched faults restored at start.
    public var latched: [Fault]
    /// Lamp counters restored at start.
    public var lampCounters: LampCounters

    public init(sitePath: String?, boardPath: String, tickMs: Int64, zones: [String], latched: [Fault], lampCounters: LampCounters) {
        self.sitePath = sitePath
        self.boardPath = boardPath
        self.tickMs = tickMs
        self.zones = zones
        self.latched = latched
        self.lampCounters = lampCounters
    }

    var json: JSONValue {
        .object([
            "poled_recording": .integer(Self.formatVersion), "site": sitePath.map(JSONValue.string) ?? .null,
            "board": .string(boardPath), "tick_ms": .integer(tickMs), "zones": .array(zones.map(JSONValue.string)),
            "latched": .array(latched.map { .string($0.name) }),
            "lamp_counters": .object(["switch_ons": .integer(lampCounters.switchOns), "burning_ms": .integer(lampCounters.burningMs)]),
        ])
    }

    /// Reads a header line; `nil` when it is not one this build reads.
    init?(json: JSONValue) {
        guard json["poled_recording"] == .integer(Self.formatVersion), let board = json["board"]?.string,
              let tick = json["tick_ms"]?.number, let zones = json["zones"]?.array?.compactMap(\.string),
              let latched = json["latched"]?.array?.compactMap({ $0.string.flatMap(Fault.init(rawValue:)) })
        else { return nil }
        self.init(
            sitePath: json["site"]?.string, boardPath: board, tickMs: Int64(tick), zones: zones, latched: latched,
            lampCounters: LampCounters(
                switchOns: Int(json["lamp_counters"]?["switch_ons"]?.number ?? 0),
                burningMs: Int64(json["lamp_counters"]?["burning_ms"]?.number ?? 0)
            )
        )
    }
}
