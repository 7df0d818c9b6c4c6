import ArgumentParser
import Glibc
import Logging
import PoleCore
import PoleLinux
import PoleRuntime
import PoleStore

/// `poled run`: the daemon.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the daemon. On the simulated board a scenario, or the built-in demo day, drives the street in real time.",
        discussion: "Stops cleanly on SIGINT or SIGTERM (exit 0) with every output driven to its safe level."
    )

    @OptionGroup var configOptions: ConfigOptions

    @Option(name: .long, help: "Scenario to play in real time on the simulated board (default: the demo day).")
    var scenario: String?

    @Option(name: .long, help: "Seed of the demo day's random street life.")
    var seed: UInt64 = 0

    @Option(name: .customLong("status-every"), help: "Live status interval on stderr, e.g. 1s or 1m; 0s for none.")
    var statusEvery: String = "1s"

    @Option(name: .long, help: "Stop by itself after this long, e.g. 10m (default: run until stopped).")
    var duration: String?

    @Option(name: .long, help: "Write the trace (JSON Lines, as `poled simulate` writes) to this file, or - for standard output.")
    var trace: String?

    @Option(name: .long, help: "Record the core's input stream to this file, for `poled replay`.")
    var record: String?

    @Flag(name: .customLong("loop-stats"), help: "When the run ends, print the ticks' wake-up lateness (p50, p99, p99.9, max), overruns, CPU time and peak RSS.")
    var loopStats = false

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func validate() throws {
        if case .failure(let problem) = DurationText.milliseconds(statusEvery) {
            throw ValidationError("--status-every: \"\(statusEvery)\" \(problem)")
        }
        if let duration, case .failure(let problem) = DurationText.milliseconds(duration) {
            throw ValidationError("--duration: \"\(duration)\" \(problem)")
        }
        if Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level: \"\(logLevel)\" is not one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() throws {
        let processStart = SystemMonotonicClock().now().nanoseconds
        // A trace reader (`--trace -` into a pipe) that goes away must end the trace, not the pole.
        signal(SIGPIPE, SIG_IGN)
        // Blocked before main already (CEarlySignals); blocking again is harmless.
        let signals = ProcessSignals.block()
        // Before the first thread (the log writer's) starts.
        if let code = RealtimeMemory.limitThreadStacks() {
            printError("poled: could not set the threads' stack size (errno \(code)); they keep the default")
        }
        let environment = ProcessEnvironment.current()
        let level = Logger.Level(rawValue: logLevel) ?? .info
        let format: StandardErrorLogHandler.Format = standardErrorIsJournal ? .journal : .text
        let logWriter = LogWriter(dropNotice: format.dropNotice)
        LoggingSystem.bootstrap { StandardErrorLogHandler(label: $0, level: level, format: format, writer: logWriter) }
        let configuration = try configOptions.load()
        // Before the first log line, so every line of the run is stamped in the site's zone.
        SiteLocalTime.selectZone(configuration.site.timeZone)
        if configuration.board.backend == .gpiod, configuration.siteFile == nil {
            printError("poled: a real board needs a site file (--config): its latched faults must live in /var/lib/poled, not in a directory a reboot or another user can empty")
            throw ExitCode(SysExit.config.rawValue)
        }
        if scenario != nil, configuration.board.backend != .sim {
            printError("poled: --scenario drives the simulated street; board \(configuration.board.file) is real hardware")
            throw ExitCode(SysExit.usage.rawValue)
        }
        let script = try scenario.map { try loadScenario($0, board: configuration.board) }
        var options = LiveRunOptions(
            sources: configOptions.sources, scenario: script, seed: seed,
            statusEveryMs: (try? DurationText.milliseconds(statusEvery).get()) ?? 1_000,
            durationMs: duration.flatMap { try? DurationText.milliseconds($0).get() }
        )
        options.logWriter = logWriter
        if let trace {
            do {
                options.trace = trace == "-" ? .standardOutput : try ByteFile.create(path: trace)
            } catch {
                printError("poled: \(trace): cannot create the trace: \(error)")
                throw ExitCode(SysExit.ioError.rawValue)
            }
        }
        options.processStartNanoseconds = processStart
        if loopStats {
            options.loopStats = { report in print(report) }
        }
        if let record {
            do {
                options.record = try ByteFile.create(path: record)
            } catch {
                printError("poled: \(record): cannot create the recording: \(error)")
                throw ExitCode(SysExit.ioError.rawValue)
            }
        }
        let runner = LiveRunner(
            configuration: configuration, options: options, logger: Logger(label: "poled"),
            notifier: SystemdNotifier(environment: environment)
        )
        let failure: LiveRunFailure
        do {
            _ = try runner.run(signals: signals)
            logWriter.stop(timeoutMs: 2_000)
            return
        } catch {
            failure = error
        }
        logWriter.stop(timeoutMs: 2_000)
        switch failure {
        case .hardware(let error):
            printError("poled: \(configuration.board.file): \(error)")
            throw ExitCode(SysExit.unavailable.rawValue)
        case .control(let problem):
            printError("poled: control socket: \(problem)")
            throw ExitCode(SysExit.unavailable.rawValue)
        case .folder(let problem):
            printError("poled: \(problem)")
            throw ExitCode(SysExit.unavailable.rawValue)
        }
    }
}
