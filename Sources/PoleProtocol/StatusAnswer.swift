public import PoleJSON

/// `status`: the pole on one screen. Also the payload of the uplink's retained `status` topic, so the
/// district reads the same fields a technician does.
///
/// Absent features are null, never left out, so scripts can rely on keys; times are ms.
public struct StatusAnswer: ControlAnswer {
    /// The site id, the board file and its backend (`sim` or `gpiod`).
    public var site: String
    public var board: String
    public var backend: String
    /// Nothing latched or standing, no failing sensor, and the loop not stalled.
    public var healthy: Bool
    public var daemon: Daemon
    public var loop: Loop
    /// Null on a pole without a crosswalk.
    public var crosswalk: Crosswalk?
    /// Null on a pole without a security lamp.
    public var lamp: Lamp?
    /// Night or day as the lamps decide it; null until decided.
    public var night: Bool?
    /// Null on a pole without a particulate sensor.
    public var air: AirAnswer?
    public var faults: FaultsAnswer
    public var maintenance: Maintenance
    public var sensors: [SensorAnswer]
    /// Null without a store.
    public var store: Store?
    /// Null with the uplink off.
    public var uplink: Uplink?

    public init(
        site: String, board: String, backend: String, healthy: Bool, daemon: Daemon, loop: Loop, crosswalk: Crosswalk?, lamp: Lamp?,
        night: Bool?, air: AirAnswer?, faults: FaultsAnswer, maintenance: Maintenance, sensors: [SensorAnswer], store: Store?, uplink: Uplink?
    ) {
        self.site = site
        self.board = board
        self.backend = backend
        self.healthy = healthy
        self.daemon = daemon
        self.loop = loop
        self.crosswalk = crosswalk
        self.lamp = lamp
        self.night = night
        self.air = air
        self.faults = faults
        self.maintenance = maintenance
        self.sensors = sensors
        self.store = store
        self.uplink = uplink
    }

    public var json: JSONValue {
        .object([
            "site": .string(site), "board": .string(board), "backend": .string(backend), "healthy": .bool(healthy),
            "daemon": daemon.json, "loop": loop.json, "crosswalk": crosswalk.json, "lamp": lamp.json,
            "night": night.map(JSONValue.bool) ?? .null, "air": air.json, "faults": faults.json, "maintenance": maintenance.json,
            "sensors": sensors.json, "store": store.json, "uplink": uplink.json,
        ])
    }

    public init(json: JSONValue) throws(AnswerError) {
        let reader = try AnswerReader(json)
        self.init(
            site: try reader.string("site"), board: try reader.string("board"), backend: try reader.string("backend"),
            healthy: try reader.bool("healthy"), daemon: try reader.answer("daemon"), loop: try reader.answer("loop"),
            crosswalk: try reader.optionalAnswer("crosswalk"), lamp: try reader.optionalAnswer("lamp"), night: try reader.optionalBool("night"),
            air: try reader.optionalAnswer("air"), faults: try reader.answer("faults"), maintenance: try reader.answer("maintenance"),
            sensors: try reader.answer("sensors"), store: try reader.optionalAnswer("store"), uplink: try reader.optionalAnswer("uplink")
        )
    }
}
