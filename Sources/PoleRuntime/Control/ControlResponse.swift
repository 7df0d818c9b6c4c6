public import PoleJSON

/// The two shapes of answer on the control socket (protocol version 1).
public enum ControlResponse {
    /// `{"v":1,"ok":true,"data":…}`, with the request's `id` when it had one.
    public static func success(_ data: JSONValue, id: JSONValue?) -> JSONValue {
        var fields: [String: JSONValue] = ["v": .integer(ControlRequest.protocolVersion), "ok": .bool(true), "data": data]
        if let id { fields["id"] = id }
        return .object(fields)
    }

    /// `{"v":1,"ok":false,"error":{"code":…,"message":…}}`, with the request's `id` when known.
    public static func failure(_ error: ControlError, id: JSONValue?) -> JSONValue {
        var fields: [String: JSONValue] = [
            "v": .integer(ControlRequest.protocolVersion), "ok": .bool(false),
            "error": .object(["code": .string(error.code.rawValue), "message": .string(error.message)]),
        ]
        if let id { fields["id"] = id }
        return .object(fields)
    }

    /// The answer as bytes on the wire: one line.
    static func line(_ value: JSONValue) -> [UInt8] {
        Array((value.serialized + "\n").utf8)
    }
}
