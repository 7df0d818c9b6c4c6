import ArgumentParser
import PoleProtocol

/// `polectl version`: the client's version and, when it answers, the daemon's.
struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print polectl's and poled's versions; exits 69 when poled is unreachable.")

    @OptionGroup var client: ClientOptions

    func run() throws {
        var daemon: VersionAnswer?
        var failure: ControlConnection.Failure?
        do throws(ControlConnection.Failure) {
            if case .success(let data) = try ControlConnection(path: client.socketPath).call(.version) { daemon = try? VersionAnswer(json: data) }
        } catch {
            failure = error
        }
        var document: [String: JSONValue] = [
            "client": .string(PoledVersion.string), "daemon": daemon.map { .string($0.daemon) } ?? .null,
            "protocol": .integer(ControlProtocol.version),
        ]
        if let failure { document["error"] = .string(failure.description) }
        client.emit(.object(document)) {
            print("polectl \(PoledVersion.string)")
            if let daemon { print("poled   \(daemon.daemon)") }
        }
        guard let failure else { return }
        if !client.json { Terminal.error(failure.description) }
        throw PolectlExit.code(for: failure).exit
    }
}
