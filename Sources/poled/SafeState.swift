import ArgumentParser
import PoleConfig
import PoleRuntime

/// `poled safe-state`: drives every configured output to its safe level and exits (systemd's
/// ExecStopPost, after any exit of the daemon, a crash included).
struct SafeState: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safe-state",
        abstract: "Drive every output of the board to its safe level and exit.",
        discussion: """
            Reads only the board (the site file just for its board key), requests only outputs, and goes \
            line by line if it must. Exit 0 when every output was driven, 69 when some could not be.
            """
    )

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let board: BoardConfig
        do {
            board = try ConfigLoader.loadBoard(configOptions.sources)
        } catch {
            printError(error.description)
            throw ExitCode(SysExit.config.rawValue)
        }
        switch board.backend {
        case .sim:
            print("poled: \(board.file) is a simulated board; nothing to drive")
        case .gpiod:
            let failures = GPIOBoard.driveSafe(board)
            let total = GPIOBoard.specs(board).outputs.count
            failures.forEach { printError("poled: \(board.file): \($0)") }
            print("poled: drove \(total - failures.count) of \(total) outputs of \(board.file) to their safe levels")
            if !failures.isEmpty { throw ExitCode(SysExit.unavailable.rawValue) }
        }
    }
}
