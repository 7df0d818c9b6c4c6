public import PoleJSON

/// What a mutating command (`faults.clear`, `maintenance`, `test`, `sensors.clean`) answers when
/// the pole did it; a refusal is an error answer (`refused`) instead.
public struct CommandAnswer: ControlAnswer {
    /// `done`.
    public var result: String
    /// What happened, for a person: "maintenance on: the crosswalk is dark; it ends in 30m".
    public var message: String

    /// The answer for a command carried out.
    public init(done message: String) {
        result = "done"
        self.message = message
    }

    public var json: JSONValue {
        .object(["result": .string(result), "message": .string(message)])
    }

    public init(json: JSONValue) throws(AnswerError) {
        let reader = try AnswerReader(json)
        result = try reader.string("result")
        message = try reader.string("message")
    }
}
