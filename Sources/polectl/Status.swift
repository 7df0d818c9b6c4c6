import ArgumentParser
import PoleRuntime

/// `polectl status`: one screen of what the pole does and what is wrong; exit 1 on a fault.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the pole's state on one screen; exits 1 when the pole reports a fault."
    )

    @OptionGroup var client: ClientOptions

    func run() throws {
        let status = try client.call(.status)
        client.emit(status) { StatusView.lines($0).forEach { print($0) } }
        if status["healthy"]?.bool != true { throw PolectlExit.fault }
    }
}
