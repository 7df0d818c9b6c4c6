import ArgumentParser
import Glibc
import PoleConfig
import PoleRuntime

/// `--config` and `--board`, shared by every subcommand that loads configuration.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "Site file (default /etc/poled/poled.toml unless --board is given).")
    var config: String?

    @Option(name: .long, help: "Board file; overrides the site file's board.")
    var board: String?

    /// Where the configuration comes from: `--config` (default `/etc/poled/poled.toml` unless
    /// `--board` is given), `--board`, and the runtime directory for state without a site file.
    var sources: ConfigSources {
        ConfigSources(
            sitePath: config ?? (board == nil ? "/etc/poled/poled.toml" : nil),
            boardPath: board,
            runtimeDirectory: getenv("XDG_RUNTIME_DIR").map { String(cString: $0) },
            userID: getuid()
        )
    }

    /// Loads and validates; prints every problem and exits 78 on a bad configuration.
    func load() throws -> PoleConfiguration {
        do {
            return try ConfigLoader.load(sources)
        } catch {
            printError(error.description)
            if config == nil, board == nil, error.issues.first?.problem.hasPrefix("cannot read") == true {
                printError("poled: no site file at /etc/poled/poled.toml; give --config FILE, or --board boards/sim.toml for the simulated pole")
            }
            throw ExitCode(SysExit.config.rawValue)
        }
    }
}

/// Writes a message to standard error.
func printError(_ message: String) {
    var bytes = Array((message + "\n").utf8)
    _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}
