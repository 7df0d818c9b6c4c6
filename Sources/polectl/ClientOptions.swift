import ArgumentParser
import Glibc
import PoleProtocol

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
        do throws(ControlConnection.Failure) {
            return try ControlConnection(path: socketPath)
        } catch {
            throw fail(error)
        }
    }

    /// Sends `request` and returns the answer's `data` as sent (for `--json`) and as `Answer`. An
    /// error answer prints its message (or, with `--json`, the error document) and exits with its
    /// code; an answer that is not `Answer` exits 76.
    func call<Answer: ControlAnswer>(
        _ request: ControlRequest, _: Answer.Type, on connection: ControlConnection? = nil
    ) throws -> (data: JSONValue, answer: Answer) {
        let connection = try connection ?? connect()
        let reply: ControlReply
        do throws(ControlConnection.Failure) {
            reply = try connection.call(request)
        } catch {
            throw fail(error)
        }
        switch reply {
        case .success(let data):
            do {
                return (data, try Answer(json: data))
            } catch {
                report(code: "protocol-mismatch", "poled's answer to \(request.name) is not protocol v\(ControlProtocol.version): \(error)")
                throw PolectlExit.protocolMismatch
            }
        case .failure(let code, let message, let error):
            if json {
                print(JSONValue.object(["error": error]).serialized)
            } else {
                Terminal.error(message)
            }
            throw code.map(PolectlExit.code(for:)) ?? PolectlExit.protocolMismatch
        }
    }

    /// Prints a connection failure and returns the exit code it means.
    func fail(_ failure: ControlConnection.Failure) -> ExitCode {
        let (code, exit) = PolectlExit.code(for: failure)
        report(code: code, failure.description)
        return exit
    }

    /// Prints `data` as JSON, or runs `human`.
    func emit(_ data: JSONValue, human: () -> Void) {
        if json { print(data.serialized) } else { human() }
    }

    /// A failure of polectl's own: `{"error":{"code","message"}}` with `--json`, else a line on stderr.
    private func report(code: String, _ message: String) {
        if json {
            print(JSONValue.object(["error": .object(["code": .string(code), "message": .string(message)])]).serialized)
        } else {
            Terminal.error(message)
        }
    }
}
