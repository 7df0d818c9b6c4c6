import ArgumentParser
import PoleCore
import PoleHAL
import PoleLinux
import PoleRuntime
import PoleStore

/// `poled simulate`: runs a scenario in virtual time and writes the trace.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario on the simulated street in virtual time and write its trace (JSON Lines).",
        discussion: "Exit 0 when every safety invariant held, 70 when one broke, 65 for a malformed scenario."
    )

    @OptionGroup var configOptions: ConfigOptions

    @Option(name: .long, help: "Scenario file (JSON, docs/formats.md).")
    var scenario: String

    @Option(name: .long, help: "Write the trace to this file, or - for standard output.")
    var trace: String?

    @Option(name: .long, help: "Keep the store (latched faults, events, air minutes) in this file across runs (default: in memory only).")
    var store: String?

    @Option(name: .long, help: "Keep the store as poled.sqlite in this directory (the same as --store DIR/poled.sqlite).")
    var state: String?

    @Option(name: .long, help: "Record the core's input stream to this file, for `poled replay`.")
    var record: String?

    func validate() throws {
        if store != nil, state != nil { throw ValidationError("give --store or --state, not both") }
    }

    private var storePath: String? {
        store ?? state.map { $0.hasSuffix("/") ? $0 + "poled.sqlite" : $0 + "/poled.sqlite" }
    }

    func run() throws {
        let configuration = try configOptions.load()
        let script = try loadScenario(scenario, board: configuration.board)
        let file: ByteFile?
        switch trace {
        case nil: file = nil
        case "-": file = .standardOutput
        case let path?:
            do {
                file = try ByteFile.create(path: path)
            } catch {
                printError("\(path): cannot create trace: \(error)")
                throw ExitCode(SysExit.ioError.rawValue)
            }
        }
        let recording: ByteFile?
        do {
            recording = try record.map { try ByteFile.create(path: $0) }
        } catch {
            printError("\(record ?? ""): cannot create the recording: \(error)")
            throw ExitCode(SysExit.ioError.rawValue)
        }
        let clock = SystemMonotonicClock()
        let started = clock.now()
        let report: SimulationReport
        do {
            report = try SimulationRunner.run(
                configuration: configuration, scenario: script, trace: file, storePath: storePath, record: recording
            )
            try file?.close()
            try recording?.close()
        } catch SimulationFailure.hardware(let error) {
            printError("poled: \(configuration.board.file): \(error)")
            throw ExitCode(SysExit.unavailable.rawValue)
        } catch SimulationFailure.store(let problem) {
            printError("poled: store: \(problem)")
            throw ExitCode(SysExit.ioError.rawValue)
        } catch {
            printError("poled: trace: \(error)")
            throw ExitCode(SysExit.ioError.rawValue)
        }
        let wallMs = max(1, (clock.now().nanoseconds - started.nanoseconds) / 1_000_000)
        let simulated = DurationText.format(milliseconds: report.simulatedMs)
        printError("poled: simulated \(simulated) in \(wallMs)ms (\(UInt64(report.simulatedMs) / wallMs)x real time): "
            + "\(report.ticks) ticks, \(report.events) events, \(report.traceBytes) trace bytes, "
            + (storePath == nil ? "" : "\(report.storeWrites) store writes, ") + "seed \(script.seed)")
        guard report.violations.isEmpty else {
            report.violations.forEach { printError("poled: safety invariant broken: \($0)") }
            printError("poled: reproduce with: poled simulate --scenario \(scenario)"
                + (configOptions.config.map { " --config \($0)" } ?? "") + (configOptions.board.map { " --board \($0)" } ?? "")
                + (storePath.map { " --store \($0)" } ?? "") + " (seed \(script.seed))")
            throw ExitCode(SysExit.software.rawValue)
        }
    }
}
