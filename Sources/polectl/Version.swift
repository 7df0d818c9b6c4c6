import ArgumentParser
import PoleJSON
import PoleRuntime

/// `polectl version`: the client's version and, when it answers, the daemon's.
struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print polectl's and poled's versions; exits 69 when poled is unreachable.")

    @OptionGroup var client: ClientOptions

    func run() throws {
        var daemon: JSONValue = .null
        var failure: ExitCode?
        do {
            daemon = try client.call(.version)
        } catch let code as ExitCode {
            failure = code
        }
        let document = JSONValue.object([
            "client": .string(PoledVersion.string), "daemon": daemon["daemon"] ?? .null, "protocol": .integer(ControlRequest.protocolVersion),
        ])
        client.emit(document) { _ in
            print("polectl \(PoledVersion.string)")
            if let version = daemon["daemon"]?.string { print("poled   \(version)") }
        }
        if let failure { throw failure }
    }
}
