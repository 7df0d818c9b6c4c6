import ArgumentParser
import PoleProtocol

/// `polectl status`: one screen of what the pole does and what is wrong; exit 1 on a fault.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the pole's state on one screen; exits 1 when the pole reports a fault."
    )

    @OptionGroup var client: ClientOptions

    func run() throws {
        let (data, status) = try client.call(.status, StatusAnswer.self)
        client.emit(data) { StatusView.lines(status).forEach { print($0) } }
        if !status.healthy { throw PolectlExit.fault }
    }
}
