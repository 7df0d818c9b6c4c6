public import PoleConfig
public import PoleCore
public import PoleHAL
import PoleLinux
public import PoleSim
public import PoleStore
public import SystemPackage

/// What a simulation did, for the summary line and for tests.
public struct SimulationReport: Sendable, Hashable {
    public var ticks: UInt64
    public var simulatedMs: Int64
    public var events: Int
    public var traceBytes: Int
    /// Broken safety invariants; empty on a good run.
    public var violations: [InvariantMonitor.Violation]
    /// The security lamp's counters at the end, if the pole has one.
    public var lampCounters: LampCounters?
    /// Transactions written to the store, when the run had one.
    public var storeWrites = 0
}

/// Why a simulation could not run to the end.
public enum SimulationFailure: Error, Sendable {
    /// A simulated line or device could not be opened (a board naming lines the simulator lacks).
    case hardware(HALError)
    /// The trace could not be written.
    case trace(Errno)
    /// The store could not be opened or written.
    case store(StoreProblem)

    init(_ failure: TickSinkFailure) {
        switch failure {
        case .trace(let errno): self = .trace(errno)
        case .store(let problem): self = .store(StoreProblem(problem))
        }
    }
}

/// Runs a scenario in virtual time through the real control loop and writes its trace (docs/formats.md,
/// "Scenario (JSON)" and "Trace (JSON Lines)").
///
/// The loop, scheduler and core are the ones `poled run` uses; only the clock is the street's, so a
/// simulated day takes as long as the CPU needs and the same scenario gives the same bytes.
public enum SimulationRunner {

    /// Runs `scenario`; latched faults, events and air minutes go to the store at `storePath` when
    /// given (batched in virtual time as the daemon batches them), else stay in memory, so runs
    /// repeat. `record` receives the input recording (`poled replay`), when given.
    public static func run(
        configuration: PoleConfiguration, scenario: Scenario, trace file: (any TraceSink)?,
        storePath: String? = nil, record: (any TraceSink)? = nil
    ) throws(SimulationFailure) -> SimulationReport {
        let street = Street(startUTCSeconds: scenario.startUTCSeconds)
        var latched: [Fault] = []
        var counters = LampCounters()
        var store: SimulatedStore?
        if let storePath {
            let opened = StoreStart.open(path: storePath, queuesUplink: false, utcMs: street.utcMilliseconds)
            if let problem = opened.storeProblem { throw .store(StoreProblem(problem)) }
            latched = opened.latched
            counters = opened.counters
            store = SimulatedStore(start: opened, settings: StoreService.StoreSettingsValues(configuration.site))
        }
        let io: PoleIO<SimInputLines, SimOutputLines>
        do {
            io = try SimBoard.open(configuration, street: street)
        } catch {
            throw .hardware(error)
        }
        var loop = ControlLoop(
            pole: Pole(settings: configuration.poleSettings, latchedFaults: latched, lampCounters: counters), io: io
        )
        var localTime = SiteLocalTime(zone: configuration.site.timeZone)
        var clock = StreetClock(street: street, player: ScenarioPlayer(scenario: scenario))
        clock.playDueSteps()
        var scheduler = TickScheduler(clock: clock, periodMs: configuration.site.tickMs)
        var sensors = SimulatedSensors(configuration, street: street)
        var sinks = TickSinks(
            trace: InlineByteOutput(file: file),
            recording: record.map { output in
                (InlineByteOutput(file: output), RecordingHeader(
                    sitePath: configuration.siteFile, boardPath: configuration.board.file, tickMs: configuration.site.tickMs,
                    zones: configuration.board.presenceZones, latched: latched, lampCounters: counters
                ))
            },
            store: store, latched: latched, flushEveryMs: nil
        )
        var monitor = SimBoard.floorLines(configuration).map {
            InvariantMonitor(
                allowanceMs: configuration.site.tickMs + configuration.site.crosswalk.debounceMs, floorRedLine: $0.red, floorGreenLine: $0.green
            )
        }
        var checker = CoreInvariantChecker(
            startupHoldMs: configuration.site.crosswalk.startupHoldMs,
            lampFloorPercent: configuration.features.contains(.securityLamp) ? configuration.site.lamp.nightFloorPercent : nil,
            latched: latched
        )
        var report = SimulationReport(ticks: 0, simulatedMs: 0, events: 0, traceBytes: 0, violations: [], lampCounters: nil)
        while true {
            let timing = scheduler.waitForNextTick()
            guard timing.elapsedMs <= scenario.durationMs else { break }
            let utc: UTCInstant = scheduler.clock.now()
            let local = localTime.convert(utcSeconds: utc.seconds)
            do {
                try loop.tick(
                    monotonicMs: timing.elapsedMs, utcSeconds: utc.seconds, clockSynchronised: true,
                    localMinuteOfDay: local?.minuteOfDay, localDate: LocalDate(local?.date),
                    lux: sensors.lux(nowMs: timing.elapsedMs), particulates: sensors.particulates(nowMs: timing.elapsedMs),
                    commands: street.takeCommands()
                )
            } catch {
                throw .hardware(error)
            }
            do {
                try sinks.take(
                    elapsedMs: timing.elapsedMs, utcMs: street.utcMilliseconds, events: loop.events, inputs: loop.lastInputs,
                    outputs: loop.outputs, latched: loop.pole.latchedFaults, lampCounters: loop.pole.lampCounters
                )
            } catch {
                throw SimulationFailure(error)
            }
            if monitor != nil {
                monitor?.check(street)
                checker.check(atMs: timing.elapsedMs, events: loop.events, outputs: loop.outputs)
            }
            report.ticks += 1
            report.simulatedMs = timing.elapsedMs
            report.events += loop.events.count
        }
        do {
            try loop.driveSafe()
        } catch {
            throw .hardware(error)
        }
        do {
            try sinks.finish(lampCounters: loop.pole.lampCounters)
        } catch {
            throw SimulationFailure(error)
        }
        report.traceBytes = sinks.traceBytes
        report.violations = ((monitor?.violations ?? []) + checker.violations).sorted { $0.atMs < $1.atMs }
        report.lampCounters = loop.pole.lampCounters
        report.storeWrites = sinks.store?.writes ?? 0
        return report
    }
}
