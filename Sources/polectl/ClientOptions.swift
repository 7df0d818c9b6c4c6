import ArgumentParser
import Glibc
import PoleJSON
import PoleRuntime

/// The options every polectl command takes: where the daemon is, and whether to print JSON.
struct ClientOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The control socket (default: $POLED_SOCKET, else /run/poled/control.sock when it exists, else the demo's $XDG_RUNTIME_DIR/poled/control.sock).",
        valueName: "path"
    ))
    var socket: String?

    @Flag(name: .long, help: "Print one JSON document (schema: README.md, \"Control protocol\").")
    var json = false

    /// The socket path: the option, the environment, the system daemon's, or a user demo's.
    var socketPath: String {
        if let socket { return socket }
        if let fromEnvironment = getenv("POLED_SOCKET") { return String(cString: fromEnvironment) }
        // The system daemon's directory (mode 0750) says it is there even to a user who may not
        // enter it, who then gets "permission denied" and the group hint, not "no daemon".
        if access("/run/poled", F_OK) == 0 { return "/run/poled/control.sock" }
        if let runtime = getenv("XDG_RUNTIME_DIR") { return String(cString: runtime) + "/poled/control.sock" }
        return "/tmp/poled-\(getuid())/control.sock"
    }

    /// Connects, or exits 69/72/77 with a hint.
    func connect() throws -> ControlConnection {
        do {
            return try ControlConnection(path: socketPath)
        } catch {
            throw fail(error)
        }
    }

    /// Sends `request` and returns the answer's `data`; an error answer prints its message (or, with
    /// `--json`, the error document) and exits with its code.
    func call(_ request: ControlRequest, on connection: ControlConnection? = nil) throws -> JSONValue {
        let connection = try connection ?? connect()
        let answer: JSONValue
        do {
            answer = try connection.send(request.json())
        } catch {
            throw fail(error)
        }
        if answer["ok"]?.bool == true { return answer["data"] ?? .null }
        let code = answer["error"]?["code"]?.string ?? "malformed"
        let message = answer["error"]?["message"]?.string ?? "no message"
        if json {
            print(JSONValue.object(["error": answer["error"] ?? .null]).serialized)
        } else {
            Terminal.error(message)
        }
        throw PolectlExit.code(for: ControlError.Code(rawValue: code) ?? .malformed)
    }

    /// Prints a connection failure and returns the exit code it means.
    func fail(_ failure: ControlConnection.Failure) -> ExitCode {
        let (code, exit) = PolectlExit.code(for: failure)
        if json {
            print(JSONValue.object(["error": .object(["code": .string(code), "message": .string(failure.description)])]).serialized)
        } else {
            Terminal.error(failure.description)
        }
        return exit
    }

    /// Prints `data` as JSON, or runs `human`.
    func emit(_ data: JSONValue, human: (JSONValue) -> Void) {
        if json { print(data.serialized) } else { human(data) }
    }
}
