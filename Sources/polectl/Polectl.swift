import ArgumentParser
import PoleProtocol

/// `polectl`, the technician's CLI: talks to poled over its control socket (docs/protocol.md).
@main
struct Polectl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "polectl",
        abstract: "Talk to the poled daemon on this pole.",
        discussion: """
            Exit codes: 0 ok; 1 the pole reports a fault (status, faults); 64 usage or an invalid request; \
            69 poled unreachable; 72 the socket is not trusted (its folder could be another user's, or the server \
            is not root, poled or you; nothing was sent); 75 refused for now (e.g. a test outside maintenance); \
            76 protocol mismatch; 77 permission denied on the socket.
            """,
        version: PoledVersion.string,
        subcommands: [
            Status.self, Watch.self, Faults.self, Maintenance.self, Test.self, Sensors.self, Lines.self, Events.self,
            Air.self, Version.self,
        ]
    )
}
