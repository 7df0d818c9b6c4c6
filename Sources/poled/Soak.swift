import ArgumentParser
import PoleConfig
import PoleCore
import PoleLinux
import PoleRuntime
import PoleStore

/// `poled soak`: hours of random street life with injected faults, every invariant checked.
struct Soak: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate random street life with every kind of injected fault, checking every safety invariant on every tick.",
        discussion: """
            Runs of 60 simulated minutes with seeds SEED, SEED+1, …; the same seed gives the same run. On a broken \
            invariant prints the run's seed, the violation, the street in the 10 s before it and the command that \
            reproduces it, and exits 70.
            """
    )

    @OptionGroup var configOptions: ConfigOptions

    @Option(name: .long, help: "Simulated minutes.")
    var minutes: Int64 = 1_440

    @Option(name: .long, help: "Seed of the first run.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Write the runs' traces, one after the other, to this file, or - for standard output.")
    var trace: String?

    func validate() throws {
        guard minutes > 0 else { throw ValidationError("--minutes: expected at least 1") }
    }

    func run() throws {
        let configuration = try configOptions.load()
        guard configuration.board.backend == .sim else {
            printError("poled: soak runs on a simulated board; \(configuration.board.file) is real hardware")
            throw ExitCode(SysExit.usage.rawValue)
        }
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
        let clock = SystemMonotonicClock()
        let started = clock.now()
        var nextReport = minutes / 10
        let report: SoakRunner.Report
        do {
            report = try SoakRunner.run(configuration: configuration, minutes: minutes, seed: seed, trace: file) { done in
                guard done >= nextReport, done < minutes else { return }
                nextReport += minutes / 10
                printError("poled: soak: \(done) of \(minutes) minutes, no violation")
            }
        } catch {
            printError("poled: soak: \(error)")
            throw ExitCode(SysExit.software.rawValue)
        }
        // With the trace on standard output, the report goes to standard error.
        let say: (String) -> Void = trace == "-" ? { printError($0) } : { print($0) }
        let wallMs = max(1, Int64((clock.now().nanoseconds - started.nanoseconds) / 1_000_000))
        say("soak: \(report.minutes) minutes simulated in \(report.runs) runs (seeds \(seed)…\(seed &+ UInt64(report.runs - 1))), "
            + "\(report.faultsInjected) faults injected, \(report.failure?.violations.count ?? 0) violations, "
            + "\(DurationText.format(milliseconds: wallMs)) (\(report.minutes * 60_000 / wallMs)x real time)")
        guard let failure = report.failure else { return }
        say("violations in the run of seed \(failure.seed):")
        for violation in failure.violations { say("  \(violation)") }
        say("the street in the 10 s before the first:")
        for step in failure.window { say("  \(step)") }
        say("reproduce: poled soak --minutes 60 --seed \(failure.seed)" + (configOptions.board.map { " --board \($0)" } ?? ""))
        throw ExitCode(SysExit.software.rawValue)
    }
}
