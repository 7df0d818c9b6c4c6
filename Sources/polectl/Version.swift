import ArgumentParser
import PoleJSON
import PoleRuntime

/// `polectl version`: the client's version and, when it answers, the daemon's.
struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print polectl's and poled's versions; exits 69 when poled is unreachable.")

    @OptionGroup var client: ClientOptions

    func run() throws {
        var daemon: JSONValue = .null
        var failure: ControlConnection.Failure?
        do {
            daemon = try ControlConnection(path: client.socketPath).send(ControlRequest.version.json())["data"] ?? .null
        } catch {
            failure = error
        }
        var document: [String: JSONValue] = [
            "client": .string(PoledVersion.string), "daemon": daemon["daemon"] ?? .null, "protocol": .integer(ControlRequest.protocolVersion),
        ]
        if let failure { document["error"] = .string(failure.description) }
        client.emit(.object(document)) { _ in
            print("polectl \(PoledVersion.string)")
            if let version = daemon["daemon"]?.string { print("poled   \(version)") }
        }
        guard let failure else { return }
        if !client.json { Terminal.error(failure.description) }
        throw PolectlExit.code(for: failure).exit
    }
}
