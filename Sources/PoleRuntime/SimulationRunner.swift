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
}

/// Runs a scenario in virtual time through the real control loop and writes its trace (docs/formats.md,
/// "Scenario (JSON)" and "Trace (JSON Lines)").
///
/// The loop, scheduler and core are the ones `poled run` uses; only the clock is the street's, so a
/// simulated day takes as long as the CPU needs and the same scenario gives the same bytes.
public enum SimulationRunner {
    /// The trace buffer is handed to the file when it passes this size.
    static let traceFlushBytes = 60_000

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
        var trace = TraceWriter()
        var recorder = record.map { _ in
            InputRecorder(header: RecordingHeader(
                sitePath: configuration.siteFile, boardPath: configuration.board.file, tickMs: configuration.site.tickMs,
                zones: configuration.board.presenceZones, latched: latched, lampCounters: counters
            ))
        }
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
            do {
                try loop.tick(
                    monotonicMs: timing.elapsedMs, utcSeconds: utc.seconds, clockSynchronised: true,
                    localMinuteOfDay: localTime.minuteOfDay(utcSeconds: utc.seconds), localDate: LocalDate(localTime.date(utcSeconds: utc.seconds)),
                    lux: sensors.lux(nowMs: timing.elapsedMs), particulates: sensors.particulates(nowMs: timing.elapsedMs),
                    commands: street.takeCommands()
                )
            } catch {
                throw .hardware(error)
            }
            if store != nil {
                try keep(loop.events, of: loop.pole, in: &store, latched: &latched, atMs: timing.elapsedMs, utcMs: street.utcMilliseconds)
            }
            if monitor != nil {
                monitor?.check(street)
                checker.check(atMs: timing.elapsedMs, events: loop.events, outputs: loop.outputs)
            }
            report.ticks += 1
            report.simulatedMs = timing.elapsedMs
            report.events += loop.events.count
            trace.record(timeMs: timing.elapsedMs, events: loop.events, outputs: loop.outputs)
            if trace.pending.count >= traceFlushBytes {
                report.traceBytes += try flush(&trace, to: file)
            }
            recorder?.record(loop.lastInputs, outputs: loop.outputs)
            if let pending = recorder?.pending.count, pending >= traceFlushBytes {
                try write(recorder?.takePending() ?? [], to: record)
            }
        }
        do {
            try loop.driveSafe()
        } catch {
            throw .hardware(error)
        }
        report.traceBytes += try flush(&trace, to: file)
        try write(recorder?.takePending() ?? [], to: record)
        report.violations = ((monitor?.violations ?? []) + checker.violations).sorted { $0.atMs < $1.atMs }
        report.lampCounters = loop.pole.lampCounters
        do {
            try store?.finish(lampCounters: loop.pole.lampCounters)
        } catch {
            throw .store(StoreProblem(error.description))
        }
        report.storeWrites = store?.writes ?? 0
        return report
    }

    /// Hands a tick's events, changed latched faults and the lamp counters to the simulation's store.
    @inline(never)
    private static func keep(
        _ events: [Event], of pole: Pole, in store: inout SimulatedStore?, latched: inout [Fault], atMs: Int64, utcMs: Int64
    ) throws(SimulationFailure) {
        if pole.latchedFaults != latched {
            latched = pole.latchedFaults
            store?.latchedFaultsChanged(to: latched)
        }
        do {
            try store?.record(events, lampCounters: pole.lampCounters, atMs: atMs, utcMs: utcMs)
        } catch {
            throw .store(StoreProblem(error.description))
        }
    }

    private static func flush(_ trace: inout TraceWriter, to file: (any TraceSink)?) throws(SimulationFailure) -> Int {
        let bytes = trace.takePending()
        try write(bytes, to: file)
        return bytes.count
    }

    private static func write(_ bytes: [UInt8], to file: (any TraceSink)?) throws(SimulationFailure) {
        do {
            try file?.write(bytes)
        } catch {
            throw .trace(error)
        }
    }
}
