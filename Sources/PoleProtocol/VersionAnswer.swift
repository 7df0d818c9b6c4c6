public import PoleJSON

/// `version`: the daemon's version and the protocol version it speaks.
public struct VersionAnswer: ControlAnswer {
    public var daemon: String
    public var protocolVersion: Int64

    public init(daemon: String, protocolVersion: Int64) {
        self.daemon = daemon
        self.protocolVersion = protocolVersion
    }

    public var json: JSONValue {
        .object(["daemon": .string(daemon), "protocol": .integer(protocolVersion)])
    }

    public init(json: JSONValue) throws(AnswerError) {
        let reader = try AnswerReader(json)
        self.init(daemon: try reader.string("daemon"), protocolVersion: try reader.integer("protocol"))
    }
}
