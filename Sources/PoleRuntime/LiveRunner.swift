import Glibc
public import Logging
public import PoleConfig
import PoleCore
public import PoleHAL
import PoleLinux
public import PoleSim

/// How `poled run` should behave beyond the configuration.
public struct LiveRunOptions: Sendable {
    /// A scenario to play in real time on the simulated board; `nil` plays the built-in demo day.
    public var scenario: Scenario?
    /// Seed of the demo day.
    public var seed: UInt64
    /// How often the status line is printed, in ms; 0 for never.
    public var statusEveryMs: Int64
    /// Stop after this long, in ms (`nil`: until a signal).
    public var durationMs: Int64?

    public init(scenario: Scenario?, seed: UInt64, statusEveryMs: Int64, durationMs: Int64?) {
        self.scenario = scenario
        self.seed = seed
        self.statusEveryMs = statusEveryMs
        self.durationMs = durationMs
    }
}

/// Why the daemon stopped other than by a signal.
public enum LiveRunFailure: Error, Sendable {
    /// A line or device could not be opened or driven.
    case hardware(HALError)
    /// The board's backend is not part of this build.
    case backendUnavailable(String)
    /// The latched-fault state file could not be read, or its directory not created.
    case state(LatchedFaultFile.Problem)
}

/// The daemon's real-time loop (DESIGN.md §3) on the simulated board: absolute deadlines on
/// `CLOCK_MONOTONIC`, the street advanced to real elapsed time, SIGINT and SIGTERM taken between
/// ticks, every output driven safe before it returns.
public struct LiveRunner {
    let configuration: PoleConfiguration
    let options: LiveRunOptions
    let logger: Logger

    public init(configuration: PoleConfiguration, options: LiveRunOptions, logger: Logger) {
        self.configuration = configuration
        self.options = options
        self.logger = logger
    }

    /// Runs until SIGINT, SIGTERM or the duration; returns the signal's name, if one stopped it.
    public func run(signals: ShutdownSignals) throws(LiveRunFailure) -> String? {
        guard configuration.board.backend == .sim else {
            throw .backendUnavailable("board backend \"\(configuration.board.backend.rawValue)\" is not built into this poled; use a board with backend = \"sim\"")
        }
        let startUTC = SystemUTCClock().now().seconds
        let zones = configuration.board.presenceZones
        var scenario = options.scenario
            ?? DemoDay.scenario(seed: options.seed, startUTCSeconds: startUTC, durationMs: 86_400_000, zones: zones)
        let street = Street(startUTCSeconds: options.scenario?.startUTCSeconds ?? startUTC)
        let stateFile = LatchedFaultFile(directory: configuration.stateDirectory)
        var latched: [Fault]
        do {
            try LatchedFaultFile.makeDirectory(configuration.stateDirectory)
            latched = try stateFile.load()
        } catch {
            throw .state(error)
        }
        if !latched.isEmpty {
            logger.warning("latched faults restored; the floor stays dark until they are cleared", metadata: [
                "faults": "\(latched.map(\.name).joined(separator: ","))", "state": "\(stateFile.path)",
            ])
        }
        var loop: ControlLoop<SimInputLines, SimOutputLines>
        do {
            let pole = Pole(settings: configuration.poleSettings, latchedFaults: latched)
            loop = ControlLoop(pole: pole, io: try SimBoard.open(configuration, street: street))
        } catch {
            throw .hardware(error)
        }
        var localTime = SiteLocalTime(zone: configuration.site.timeZone)
        logger.info("poled started", metadata: [
            "board": "\(configuration.board.file)", "tick": "\(configuration.site.tickMs)ms",
            "scenario": "\(options.scenario == nil ? "demo day, seed \(options.seed)" : "file")",
        ])
        var player = ScenarioPlayer(scenario: scenario)
        var dayOffsetMs: Int64 = 0
        var scheduler = TickScheduler(clock: SystemMonotonicClock(), periodMs: configuration.site.tickMs)
        var status = StatusPrinter(everyMs: options.statusEveryMs)
        var overrunLog = OverrunLog()
        var scenarioEndLogged = false
        var stopSignal: String?
        while true {
            let timing = scheduler.waitForNextTick()
            if let signal = signals.takePending() {
                stopSignal = signal
                break
            }
            if let limit = options.durationMs, timing.elapsedMs >= limit { break }
            if options.scenario == nil, timing.elapsedMs - dayOffsetMs >= scenario.durationMs {
                dayOffsetMs += scenario.durationMs
                scenario = DemoDay.scenario(
                    seed: options.seed &+ UInt64(dayOffsetMs / scenario.durationMs),
                    startUTCSeconds: startUTC + dayOffsetMs / 1_000, durationMs: scenario.durationMs, zones: zones
                )
                player = ScenarioPlayer(scenario: scenario)
            }
            player.play(until: timing.elapsedMs - dayOffsetMs, on: street)
            if options.scenario != nil, !scenarioEndLogged, player.isFinished(at: timing.elapsedMs) {
                scenarioEndLogged = true
                logger.info("scenario finished; the simulated street holds its last state")
            }
            let utcSeconds = street.utcMilliseconds / 1_000
            do {
                try loop.tick(
                    monotonicMs: timing.elapsedMs, utcSeconds: utcSeconds,
                    localMinuteOfDay: localTime.minuteOfDay(utcSeconds: utcSeconds), commands: street.takeCommands()
                )
            } catch {
                driveSafe(&loop)
                throw .hardware(error)
            }
            for event in loop.events {
                log(event, atMs: timing.elapsedMs)
            }
            if loop.pole.latchedFaults != latched {
                latched = loop.pole.latchedFaults
                do {
                    try stateFile.save(latched)
                } catch {
                    logger.error("could not save latched faults; they will not survive a restart", metadata: ["error": "\(error)"])
                }
            }
            if let missed = overrunLog.record(timing) {
                logger.warning("control loop overran its tick", metadata: [
                    "missed_ticks": "\(missed)", "total_overruns": "\(scheduler.overruns)",
                ])
            }
            status.observe(timing)
            status.printIfDue(timing.elapsedMs) {
                StatusLine.format(
                    board: configuration.board.name, uptimeMs: timing.elapsedMs, head: loop.pole.head,
                    outputs: loop.outputs, ticks: scheduler.ticks, overruns: scheduler.overruns,
                    latenessMaxNanoseconds: $0
                )
            }
        }
        status.finish()
        driveSafe(&loop)
        logger.info("poled stopped; outputs driven to their safe levels", metadata: [
            "reason": "\(stopSignal ?? "duration elapsed")", "ticks": "\(scheduler.ticks)", "overruns": "\(scheduler.overruns)",
        ])
        return stopSignal
    }

    /// Faults at warning level, everything else at debug: the log is for what a technician must act on.
    private func log(_ event: Event, atMs elapsedMs: Int64) {
        switch event {
        case .faultRaised(let fault):
            logger.warning("fault raised", metadata: ["fault": "\(fault.name)", "latched": "\(fault.isLatching)"])
        case .faultCleared(let fault, let by, let reason):
            logger.notice("fault cleared", metadata: ["fault": "\(fault.name)", "by": "\(by ?? "itself")", "reason": "\(reason ?? "")"])
        case .sequenceSkipped(let from, let to):
            logger.notice("head skipped flashing green", metadata: ["from": "\(from.name)", "to": "\(to.name)"])
        case .head, .night:
            logger.debug("event", metadata: ["event": "\(event)", "t": "\(elapsedMs)"])
        }
    }

    private func driveSafe(_ loop: inout ControlLoop<SimInputLines, SimOutputLines>) {
        do {
            try loop.driveSafe()
        } catch {
            logger.critical("could not drive outputs to their safe levels", metadata: ["error": "\(error)"])
        }
    }
}

/// Rate-limits overrun warnings to one every 10 s, each with the ticks missed since the last one.
struct OverrunLog {
    static let intervalMs: Int64 = 10_000
    private var unreported = 0
    private var lastLoggedMs: Int64?

    /// Returns the missed ticks to report now, or `nil` when nothing is due.
    mutating func record(_ timing: TickTiming) -> Int? {
        unreported += timing.missedTicks
        guard unreported > 0 else { return nil }
        if let last = lastLoggedMs, timing.elapsedMs - last < Self.intervalMs { return nil }
        lastLoggedMs = timing.elapsedMs
        defer { unreported = 0 }
        return unreported
    }
}

/// Prints the status line on stderr at its interval: redrawn in place on a terminal, one line each
/// time otherwise (a log or a pipe).
struct StatusPrinter {
    let everyMs: Int64
    private let inPlace = isatty(STDERR_FILENO) == 1
    private var nextMs: Int64 = 0
    private var latenessMax: UInt64 = 0
    private var printed = false

    init(everyMs: Int64) {
        self.everyMs = everyMs
    }

    mutating func observe(_ timing: TickTiming) {
        latenessMax = max(latenessMax, timing.latenessNanoseconds)
    }

    mutating func printIfDue(_ elapsedMs: Int64, _ line: (UInt64) -> String) {
        guard everyMs > 0, elapsedMs >= nextMs else { return }
        nextMs = elapsedMs + everyMs
        let text = line(latenessMax)
        latenessMax = 0
        write(inPlace ? "\r\u{1B}[K" + text : text + "\n")
        printed = true
    }

    func finish() {
        if inPlace, printed { write("\n") }
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
