import ArgumentParser
import PoleRuntime

/// `polectl`, the technician's CLI. The control socket and its commands arrive with the socket server.
@main
struct Polectl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "polectl",
        abstract: "Talk to the poled daemon on this pole.",
        version: PoledVersion.string,
        subcommands: [Version.self]
    )

    /// `polectl version`.
    struct Version: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print polectl's version.")

        func run() {
            print("polectl \(PoledVersion.string)")
        }
    }
}
