import ArgumentParser
import PoleProtocol
import PoleRuntime

/// The `poled` daemon's command line: argument parsing only; the work is in PoleRuntime.
@main
struct Poled: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poled",
        abstract: "Edge firmware for smart street poles: crosswalk floor signals, security lamps, dust sensing.",
        version: PoledVersion.withLibraries,
        subcommands: [Run.self, Simulate.self, Replay.self, Soak.self, CheckConfig.self, SafeState.self]
    )
}
