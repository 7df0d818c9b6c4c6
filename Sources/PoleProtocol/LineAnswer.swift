public import PoleJSON

/// One element of `lines`: a role's GPIO line and its logical value now, like gpioinfo by role.
public struct LineAnswer: ControlAnswer {
    public var role: String
    /// The line's name on its chip.
    public var line: String
    /// The chip's label, nil when the board leaves it to the line's name.
    public var chip: String?
    /// input or output.
    public var direction: String
    public var activeLow: Bool
    /// 1 when the role is asserted (logical, active-low applied), else 0.
    public var value: Int64

    public init(role: String, line: String, chip: String?, direction: String, activeLow: Bool, value: Int64) {
        self.role = role
        self.line = line
        self.chip = chip
        self.direction = direction
        self.activeLow = activeLow
        self.value = value
    }

    public var json: JSONValue {
        .object([
            "role": .string(role), "line": .string(line), "chip": chip.map(JSONValue.string) ?? .null, "direction": .string(direction),
            "active_low": .bool(activeLow), "value": .integer(value),
        ])
    }

    public init(json: JSONValue) throws(AnswerError) {
        let reader = try AnswerReader(json)
        self.init(
            role: try reader.string("role"), line: try reader.string("line"), chip: try reader.optionalString("chip"),
            direction: try reader.string("direction"), activeLow: try reader.bool("active_low"), value: try reader.integer("value")
        )
    }
}
