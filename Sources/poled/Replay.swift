import ArgumentParser
import Glibc
import PoleConfig
import PoleRuntime
import PoleStore

/// `poled replay`: re-runs the core on a recorded input stream and reports the first divergence.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-run the control core on a recording (`poled run|simulate --record`) and report the first output that differs.",
        discussion: """
            The recording's own site and board files are used unless --config or --board is given (to see what a \
            changed setting would have done). Exit 0 with no divergence, 1 at the first divergence, 65 for a \
            malformed recording, 78 for a bad configuration.
            """
    )

    @Argument(help: "The recording.")
    var recording: String

    @Option(name: .long, help: "Site file to replay with (default: the recording's).")
    var config: String?

    @Option(name: .long, help: "Board file to replay with (default: the recording's).")
    var board: String?

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try ByteFile.readAll(path: recording, limit: 4 << 30)
        } catch {
            printError("poled: \(recording): \(error)")
            throw ExitCode(SysExit.ioError.rawValue)
        }
        do {
            let header = try RecordingReplayer.header(of: bytes)
            let sources = ConfigSources(
                sitePath: config ?? (board == nil ? header.sitePath : nil), boardPath: board ?? (config == nil ? header.boardPath : nil),
                runtimeDirectory: getenv("XDG_RUNTIME_DIR").map { String(cString: $0) }, userID: getuid()
            )
            let configuration: PoleConfiguration
            do {
                configuration = try ConfigLoader.load(sources)
            } catch {
                printError(error.description)
                throw ExitCode(SysExit.config.rawValue)
            }
            let report = try RecordingReplayer.replay(bytes, settings: configuration.poleSettings)
            if let divergence = report.divergence {
                print("\(recording): \(divergence)")
                throw ExitCode(1)
            }
            print("\(recording): \(report.ticks) ticks (\(report.lastMs) ms) replayed, no divergence")
        } catch let malformed as RecordingReplayer.Malformed {
            printError("poled: \(recording): \(malformed)")
            throw ExitCode(SysExit.dataError.rawValue)
        }
    }
}
