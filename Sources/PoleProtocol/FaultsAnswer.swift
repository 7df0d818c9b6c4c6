public import PoleJSON

/// `faults`, and `status.faults`: the latched faults (cleared only by a person) and every fault
/// standing now, latched or not, by name.
public struct FaultsAnswer: ControlAnswer {
    public var latched: [String]
    public var active: [String]

    public init(latched: [String], active: [String]) {
        self.latched = latched
        self.active = active
    }

    public var json: JSONValue {
        .object(["latched": .array(latched.map(JSONValue.string)), "active": .array(active.map(JSONValue.string))])
    }

    public init(json: JSONValue) throws(AnswerError) {
        let reader = try AnswerReader(json)
        self.init(latched: try reader.strings("latched"), active: try reader.strings("active"))
    }
}
