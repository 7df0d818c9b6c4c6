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

/// Writes a message to standard error. Into the journal each line carries the sd-daemon(3) prefix
/// `<3>`, so why poled did not start (a line the chip lacks, a broken site file) is at priority err
/// for `journalctl -p err`, not at the stream's default, info (found by Tests/systemd).
func printError(_ message: String) {
    let text = standardErrorIsJournal
        ? message.split(separator: "\n", omittingEmptySubsequences: false).map { "<3>" + $0 }.joined(separator: "\n")
        : message
    var bytes = Array((text + "\n").utf8)
    _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

/// Whether standard error is the journal's stream: JOURNAL_STREAM names that stream's device and
/// inode (systemd.exec(5)), so a shell that merely inherited the variable writes plain text.
let standardErrorIsJournal: Bool = {
    guard let value = getenv("JOURNAL_STREAM") else { return false }
    let parts = String(cString: value).split(separator: ":")
    var status = stat()
    guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]), fstat(STDERR_FILENO, &status) == 0 else {
        return false
    }
    return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
}()
