import ArgumentParser
import PoleConfig
import PoleRuntime

/// `poled safe-state`: drives every configured output to its safe level and exits (systemd's
/// ExecStopPost, after any exit of the daemon, a crash included).
struct SafeState: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safe-state",
        abstract: "Drive every output of the board to its safe level and exit.",
        discussion: "Exit 0 when done, 69 when a line cannot be requested (for example still held by a running poled)."
    )

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let configuration = try configOptions.load()
        switch configuration.board.backend {
        case .sim:
            print("poled: \(configuration.board.file) is a simulated board; nothing to drive")
        case .gpiod:
            do {
                let opened = try GPIOBoard.open(configuration)
                try opened.bank.close()
                let outputs = GPIOBoard.specs(configuration.board).outputs
                print("poled: drove \(outputs.count) outputs of \(configuration.board.file) to their safe levels")
            } catch {
                printError("poled: \(configuration.board.file): \(error)")
                throw ExitCode(SysExit.unavailable.rawValue)
            }
        }
    }
}
