public import PoleCore
public import PoleJSON

/// One request on the control socket (protocol version 1, `ControlProtocol`), parsed and validated.
///
/// Exists so the daemon and `polectl` share one definition of every command and field: the daemon
/// parses with `parse(line:)`, the CLI writes with `json`. Every field is checked; an unknown one
/// is an error, as in the configuration files, so a typo never passes silently.
public enum ControlRequest: Sendable, Hashable {
    case status
    case faults
    /// Clear the listed latched faults, or all of them when `nil`.
    case clearFaults([Fault]?, reason: String)
    case maintenance(on: Bool, durationMs: Int64, reason: String?)
    /// Drive one output role for a while (only in maintenance).
    case test(role: Role, durationMs: Int64)
    case sensors
    /// Start the particulate sensor's fan cleaning.
    case cleanSensor
    case lines
    /// Recent events, those within `sinceMs` when given.
    case events(sinceMs: Int64?)
    case air
    case version

    /// The command's name on the wire.
    public var name: String {
        switch self {
        case .status: "status"
        case .faults: "faults"
        case .clearFaults: "faults.clear"
        case .maintenance: "maintenance"
        case .test: "test"
        case .sensors: "sensors"
        case .cleanSensor: "sensors.clean"
        case .lines: "lines"
        case .events: "events"
        case .air: "air"
        case .version: "version"
        }
    }

    /// Whether the command changes the pole (and so is audited with the caller's uid).
    public var isMutating: Bool {
        switch self {
        case .clearFaults, .maintenance, .test, .cleanSensor: true
        case .status, .faults, .sensors, .lines, .events, .air, .version: false
        }
    }

    /// The request as one protocol line's JSON, with an optional client `id` echoed in the answer.
    public func json(id: JSONValue? = nil) -> JSONValue {
        var fields: [String: JSONValue] = ["v": .integer(ControlProtocol.version), "cmd": .string(name)]
        if let id { fields["id"] = id }
        switch self {
        case .clearFaults(let faults, let reason):
            if let faults { fields["faults"] = .array(faults.map { .string($0.name) }) } else { fields["all"] = .bool(true) }
            fields["reason"] = .string(reason)
        case .maintenance(let on, let durationMs, let reason):
            fields["on"] = .bool(on)
            if on { fields["for"] = .string(DurationText.format(milliseconds: durationMs)) }
            if let reason { fields["reason"] = .string(reason) }
        case .test(let role, let durationMs):
            fields["role"] = .string(role.name)
            fields["for"] = .string(DurationText.format(milliseconds: durationMs))
        case .events(let sinceMs):
            if let sinceMs { fields["since"] = .string(DurationText.format(milliseconds: sinceMs)) }
        case .status, .faults, .sensors, .cleanSensor, .lines, .air, .version:
            break
        }
        return .object(fields)
    }

    /// Parses one request line (without its newline): the request and the client's `id` as written,
    /// or an error naming the field and what was expected, with the `id` when one could be read.
    public static func parse(line: [UInt8]) -> Result<(request: ControlRequest, id: RequestID?), ControlFailure> {
        guard line.count <= ControlProtocol.maxLineBytes else {
            return .failure(ControlFailure(ControlError(.tooLarge, "a request is at most \(ControlProtocol.maxLineBytes) bytes"), id: nil))
        }
        let document: JSONValue
        let texts: [String: String]
        switch JSONReader.parse(line, keepingTextOf: ["id"]) {
        case .success(let parsed): (document, texts) = parsed
        case .failure(let error): return .failure(ControlFailure(ControlError(.malformed, "not JSON: \(error)"), id: nil))
        }
        guard case .object(let fields) = document else {
            return .failure(ControlFailure(ControlError(.malformed, "a request is a JSON object, found \(document.typeName)"), id: nil))
        }
        let id = texts["id"].map(RequestID.init(text:))
        do throws(ControlError) {
            return .success((try request(fields), id))
        } catch {
            return .failure(ControlFailure(error, id: id))
        }
    }

    private static func request(_ fields: [String: JSONValue]) throws(ControlError) -> ControlRequest {
        guard let version = fields["v"] else {
            throw ControlError(.unsupportedVersion, "v: missing; this daemon speaks protocol version \(ControlProtocol.version)")
        }
        guard version == .integer(ControlProtocol.version) else {
            throw ControlError(.unsupportedVersion, "v: \(version.quoted) is not a version this daemon speaks (\(ControlProtocol.version))")
        }
        guard let command = fields["cmd"] else { throw ControlError(.badField, "cmd: missing; expected a command name") }
        guard let name = command.string else { throw ControlError(.badField, "cmd: expected a string, found \(command.typeName)") }
        var reader = FieldReader(fields: fields)
        let request: ControlRequest
        switch name {
        case "status": request = .status
        case "faults": request = .faults
        case "faults.clear": request = try clearFaults(&reader)
        case "maintenance":
            let on = try reader.bool("on")
            if !on, reader.has("for") { throw ControlError(.badField, "for: only with on: true; maintenance off ends it now") }
            let durationMs = try reader.duration("for", default: ControlProtocol.defaultMaintenanceMs, max: ControlProtocol.maxMaintenanceMs)
            request = .maintenance(on: on, durationMs: durationMs, reason: try reader.reason(required: false))
        case "test":
            let roleName = try reader.string("role")
            guard let role = Role(name: roleName) else {
                throw ControlError(.badField, "role: \"\(roleName)\" is not a role; `polectl lines` lists this pole's")
            }
            request = .test(role: role, durationMs: try reader.duration("for", default: ControlProtocol.defaultTestMs, max: ControlProtocol.maxTestMs))
        case "sensors": request = .sensors
        case "sensors.clean": request = .cleanSensor
        case "lines": request = .lines
        case "events":
            request = .events(sinceMs: reader.has("since") ? try reader.duration("since", default: 0, max: Int64.max / 2) : nil)
        case "air": request = .air
        case "version": request = .version
        default:
            throw ControlError(.unknownCommand, "cmd: \"\(name)\" is not a command; expected one of \(ControlProtocol.commandNames.joined(separator: ", "))")
        }
        try reader.finish()
        return request
    }

    private static func clearFaults(_ reader: inout FieldReader) throws(ControlError) -> ControlRequest {
        let all = reader.has("all") ? try reader.bool("all") : false
        let names = reader.has("faults") ? try reader.strings("faults") : nil
        switch (all, names) {
        case (true, .some):
            throw ControlError(.badField, "faults, all: give the faults to clear or all, not both")
        case (false, nil):
            throw ControlError(.badField, "faults: missing; name the faults to clear, or set all to true")
        case (false, .some(let names)):
            var faults: [Fault] = []
            for name in names {
                guard let fault = Fault(rawValue: name) else {
                    throw ControlError(.badField, "faults: \"\(name)\" is not a fault; expected one of \(Fault.allCases.map(\.name).joined(separator: ", "))")
                }
                faults.append(fault)
            }
            if faults.isEmpty { throw ControlError(.badField, "faults: empty; name at least one fault, or set all to true") }
            return .clearFaults(faults, reason: try reader.reason(required: true) ?? "")
        case (true, nil):
            return .clearFaults(nil, reason: try reader.reason(required: true) ?? "")
        }
    }
}

/// A request that failed, with the client's `id` when one could be read, to echo in the answer.
public struct ControlFailure: Error, Sendable, Hashable {
    public var error: ControlError
    public var id: RequestID?

    public init(_ error: ControlError, id: RequestID?) {
        self.error = error
        self.id = id
    }
}
