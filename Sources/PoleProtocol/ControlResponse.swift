public import PoleJSON

/// The two shapes of answer on the control socket (protocol version 1), written as one line each.
///
/// The envelope is written here rather than as a `JSONValue` so the client's `id` goes back as the
/// text it sent (`RequestID`); its keys stay in the sorted order every other object is written in.
public enum ControlResponse {
    /// `{"data":…,"id":…,"ok":true,"v":1}`, the `id` only when the request had one.
    public static func success(_ data: JSONValue, id: RequestID?) -> [UInt8] {
        line(member: "data", data, id: id, ok: true)
    }

    /// `{"error":{"code":…,"message":…},"id":…,"ok":false,"v":1}`, the `id` only when known.
    public static func failure(_ error: ControlError, id: RequestID?) -> [UInt8] {
        let body = JSONValue.object(["code": .string(error.code.rawValue), "message": .string(error.message)])
        return line(member: "error", body, id: id, ok: false)
    }

    private static func line(member: String, _ value: JSONValue, id: RequestID?, ok: Bool) -> [UInt8] {
        var text = "{\"\(member)\":" + value.serialized
        if let id { text += ",\"id\":" + id.text }
        text += ",\"ok\":\(ok),\"v\":\(ControlProtocol.version)}\n"
        return Array(text.utf8)
    }
}

/// An answer line as a client reads it: the `data` of a success, or the error of a failure.
public enum ControlReply: Sendable, Hashable {
    case success(JSONValue)
    /// `code` is nil for a code this client does not know (a newer daemon's); `error` is the error
    /// object as the daemon sent it.
    case failure(code: ControlError.Code?, message: String, error: JSONValue)

    /// Reads an answer line's JSON.
    public init(_ answer: JSONValue) {
        if answer["ok"]?.bool == true {
            self = .success(answer["data"] ?? .null)
            return
        }
        let error = answer["error"] ?? .null
        self = .failure(
            code: error["code"]?.string.flatMap(ControlError.Code.init(rawValue:)), message: error["message"]?.string ?? "no message", error: error
        )
    }
}
