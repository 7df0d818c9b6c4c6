public import PoleJSON

/// One element of `sensors` (and of `status.sensors`): an I²C sensor's identity and health.
public struct SensorAnswer: ControlAnswer {
    /// `pm` or `lux`.
    public var role: String
    public var kind: String
    public var bus: String
    /// "0x69".
    public var address: String
    /// starting, warming-up, ok, failing or failed.
    public var state: String
    public var serial: String?
    public var firmware: String?
    public var lastSampleAgeMs: Int64?
    public var errors: Int64
    public var lastError: String?
    public var flags: [String]
    /// The SPS30's fan cleaning is running.
    public var cleaning: Bool

    public init(
        role: String, kind: String, bus: String, address: String, state: String, serial: String?, firmware: String?,
        lastSampleAgeMs: Int64?, errors: Int64, lastError: String?, flags: [String], cleaning: Bool
    ) {
        self.role = role
        self.kind = kind
        self.bus = bus
        self.address = address
        self.state = state
        self.serial = serial
        self.firmware = firmware
        self.lastSampleAgeMs = lastSampleAgeMs
        self.errors = errors
        self.lastError = lastError
        self.flags = flags
        self.cleaning = cleaning
    }

    public var json: JSONValue {
        .object([
            "role": .string(role), "kind": .string(kind), "bus": .string(bus), "address": .string(address), "state": .string(state),
            "serial": serial.map(JSONValue.string) ?? .null, "firmware": firmware.map(JSONValue.string) ?? .null,
            "last_sample_age_ms": lastSampleAgeMs.map { .integer($0) } ?? .null, "errors": .integer(errors),
            "last_error": lastError.map(JSONValue.string) ?? .null, "flags": .array(flags.map(JSONValue.string)), "cleaning": .bool(cleaning),
        ])
    }

    public init(json: JSONValue) throws(AnswerError) {
        let reader = try AnswerReader(json)
        self.init(
            role: try reader.string("role"), kind: try reader.string("kind"), bus: try reader.string("bus"),
            address: try reader.string("address"), state: try reader.string("state"), serial: try reader.optionalString("serial"),
            firmware: try reader.optionalString("firmware"), lastSampleAgeMs: try reader.optionalInteger("last_sample_age_ms"),
            errors: try reader.integer("errors"), lastError: try reader.optionalString("last_error"), flags: try reader.strings("flags"),
            cleaning: try reader.bool("cleaning")
        )
    }
}
