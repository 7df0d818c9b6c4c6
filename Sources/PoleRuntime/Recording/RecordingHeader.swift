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

    /// Reads the fields of a header line (one whose `poled_recording` is this format's), every one
    /// checked: a tick outside what a site file allows, a fault this build does not know or a
    /// counter beyond 2⁵³ is a problem named by its field, not a value for the core.
    init(fields: [String: JSONValue]) throws(RecordedValues.Problem) {
        try RecordedValues.only(fields, ["poled_recording", "site", "board", "tick_ms", "zones", "latched", "lamp_counters"], at: "")
        let site: String?
        switch fields["site"] {
        case .string(let path)?: site = path
        case .null?, nil: site = nil
        case let other?: throw RecordedValues.Problem("site", "expected the site file's path or null, found \(other.quoted)")
        }
        guard case .string(let board)? = fields["board"] else {
            throw RecordedValues.Problem("board", "expected the board file's path, found \(fields["board"]?.quoted ?? "nothing")")
        }
        self.init(
            sitePath: site, boardPath: board, tickMs: try RecordedValues.wholeNumber(fields["tick_ms"], in: 5...100, of: "ms", at: "tick_ms"),
            zones: try Self.zones(fields["zones"]), latched: try Self.latched(fields["latched"]),
            lampCounters: try Self.lampCounters(fields["lamp_counters"])
        )
    }

    private static func zones(_ value: JSONValue?) throws(RecordedValues.Problem) -> [String] {
        guard case .array(let items)? = value else { throw RecordedValues.Problem("zones", "expected an array of zone names") }
        var zones: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let zone) = item else { throw RecordedValues.Problem("zones[\(index)]", "expected a zone name, found \(item.quoted)") }
            zones.append(zone)
        }
        return zones
    }

    private static func latched(_ value: JSONValue?) throws(RecordedValues.Problem) -> [Fault] {
        guard case .array(let items)? = value else { throw RecordedValues.Problem("latched", "expected an array of fault names") }
        var faults: [Fault] = []
        for (index, item) in items.enumerated() {
            guard let fault = item.string.flatMap(Fault.init(rawValue:)) else {
                throw RecordedValues.Problem("latched[\(index)]", "\(item.quoted) is not a fault")
            }
            faults.append(fault)
        }
        return faults
    }

    private static func lampCounters(_ value: JSONValue?) throws(RecordedValues.Problem) -> LampCounters {
        guard case .object(let fields)? = value else {
            throw RecordedValues.Problem("lamp_counters", "expected {\"switch_ons\": n, \"burning_ms\": n}")
        }
        try RecordedValues.only(fields, ["switch_ons", "burning_ms"], at: "lamp_counters")
        let all = RecordedValues.nonNegative
        let switchOns = try RecordedValues.wholeNumber(fields["switch_ons"], in: all, of: "switch-ons", at: "lamp_counters.switch_ons")
        let burningMs = try RecordedValues.wholeNumber(fields["burning_ms"], in: all, of: "ms", at: "lamp_counters.burning_ms")
        return LampCounters(switchOns: Int(switchOns), burningMs: burningMs)
    }
}
