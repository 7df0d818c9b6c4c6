import Glibc
public import Logging
public import PoleConfig
import PoleCore
import PoleHAL
public import PoleLinux
import PoleSim
import PoleStore
import PoleUplink
import Synchronization

/// The daemon's real-time loop (docs/architecture.md, "Loop timing"): absolute deadlines on
/// `CLOCK_MONOTONIC`, signals taken between ticks, systemd told how it is doing, every output driven
/// safe before it returns.
///
/// On the simulated board the street is advanced to real elapsed time; on a `gpiod` board the lines
/// are the pole's own. SIGHUP reloads the site file without releasing lines or restarting the floor's
/// start-up hold; a file that does not validate is rejected and the running configuration stays.
public struct LiveRunner {
    let configuration: PoleConfiguration
    let options: LiveRunOptions
    let logger: Logger
    let notifier: SystemdNotifier

    public init(configuration: PoleConfiguration, options: LiveRunOptions, logger: Logger, notifier: SystemdNotifier) {
        self.configuration = configuration
        self.options = options
        self.logger = logger
        self.notifier = notifier
    }

    /// Runs until SIGINT, SIGTERM or the duration; returns the stopping signal's name, if any.
    public func run(signals: ProcessSignals) throws(LiveRunFailure) -> String? {
        let site = configuration.site
        if let problem = DaemonFolders.prepare(configuration) { throw .folder(problem) }
        let opened = StoreStart.open(path: site.store.path, queuesUplink: site.uplink.enabled, utcMs: SystemUTCClock().now().unixMilliseconds)
        for note in opened.notes {
            switch note.level {
            case .error: logger.error("\(note.text)", metadata: ["store": "\(site.store.path)"])
            case .warning: logger.warning("\(note.text)", metadata: ["store": "\(site.store.path)"])
            case .notice: logger.notice("\(note.text)", metadata: ["store": "\(site.store.path)"])
            }
        }
        let latched = opened.latched
        let counters = opened.counters
        if !latched.isEmpty {
            logger.warning("latched faults restored; the floor stays dark until they are cleared", metadata: [
                "faults": "\(latched.map(\.name).joined(separator: ","))", "store": "\(site.store.path)",
            ])
        }
        let clockValidFromMs = site.night.clockMinValidUTCSeconds * 1_000
        let trustsKernelClock = configuration.board.backend == .gpiod
        let store = StoreService(
            start: opened,
            settings: StoreService.StoreSettingsValues(site),
            logger: logger, clock: SystemMonotonicClock(), wallClock: SystemUTCClock(),
            utcNow: {
                let now = SystemUTCClock().now().unixMilliseconds
                guard now >= clockValidFromMs, !trustsKernelClock || KernelClockStatus.isSynchronised() != false else { return nil }
                return now
            }
        )
        defer { stop(store, "store", timeoutMs: 5_000) }
        let pole = Pole(settings: configuration.poleSettings, latchedFaults: latched, lampCounters: counters)
        let serverForUplink = Mutex<ControlServer?>(nil)
        var uplink: MQTTUplink?
        if site.uplink.enabled {
            do {
                uplink = try MQTTUplink(
                    settings: site.uplink, siteID: site.siteID, store: store, logger: logger, clock: SystemMonotonicClock()
                ) {
                    serverForUplink.withLock { $0 }?.statusAnswer()
                }
                logger.info("uplink started", metadata: ["broker": "\(site.uplink.host):\(site.uplink.effectivePort)"])
            } catch {
                logger.error("uplink not started; events stay in the store's outbox", metadata: ["problem": "\(error)"])
            }
        }
        defer { uplink.map { stop($0, "uplink", timeoutMs: 1_000) } }
        let server: ControlServer
        do {
            let roles = configuration.board.rolesInOpeningOrder.outputs + configuration.board.pwm.map(\.role)
            server = try ControlServer(
                path: configuration.site.controlSocket, group: configuration.site.controlGroup, boundOutputs: Set(roles),
                limits: ControlServer.Limits(
                    maxClients: configuration.site.controlMaxClients, maxClientsPerUid: configuration.site.controlMaxClientsPerUid,
                    idleTimeoutMs: configuration.site.controlClientTimeoutMs, requestTimeoutMs: configuration.site.controlRequestTimeoutMs
                ),
                store: store, uplink: uplink, logger: logger
            )
        } catch {
            throw .control(error)
        }
        serverForUplink.withLock { $0 = server }
        defer { stop(server, "control server", timeoutMs: 2_000) }
        logger.info("control socket ready", metadata: ["socket": "\(configuration.site.controlSocket)"])
        switch configuration.board.backend {
        case .sim:
            var street = SimulatedStreetDriver(
                scenario: options.scenario, seed: options.seed, nowUTCSeconds: SystemUTCClock().now().seconds,
                zones: configuration.board.presenceZones
            )
            let io: PoleIO<SimInputLines, SimOutputLines>
            do {
                io = try SimBoard.open(configuration, street: street.street)
            } catch {
                throw .hardware(error)
            }
            var loop = ControlLoop(pole: pole, io: io)
            var sensors = SimulatedSensors(configuration, street: street.street)
            return try runLoop(
                &loop, store: store, signals: signals, surroundings: &street, sensors: &sensors,
                server: server, close: {}
            )
        case .gpiod:
            let opened: (bank: GPIOBank<Libgpiod>, io: GPIOBoard.IO)
            do {
                opened = try GPIOBoard.open(configuration)
            } catch {
                throw .hardware(error)
            }
            var loop = ControlLoop(pole: pole, io: opened.io)
            var surroundings = SystemSurroundings()
            var sensors = BackgroundSensors(configuration, logger: logger)
            defer { stop(sensors, "sensor pollers", timeoutMs: 2_000) }
            return try runLoop(
                &loop, store: store, signals: signals, surroundings: &surroundings, sensors: &sensors,
                server: server
            ) { () throws(HALError) in
                try opened.bank.close()
            }
        }
    }

    // The loop body is one sequence (tick, persist, notify, status) on purpose: the order of
    // docs/architecture.md, "One tick".
    private func runLoop<In: DigitalInputSet, Out: DigitalOutputSet>(
        _ loop: inout ControlLoop<In, Out>, store: StoreService, signals: ProcessSignals,
        surroundings: inout some RunSurroundings, sensors: inout some PoleSensors, server: ControlServer,
        close: () throws(HALError) -> Void
    ) throws(LiveRunFailure) -> String? {
        var current = configuration
        if current.site.realtimePriority > 0 {
            if let code = RealtimeScheduling.raiseCurrentThread(priority: Int32(current.site.realtimePriority)) {
                logger.warning("could not raise the control loop to SCHED_FIFO; it runs at normal priority", metadata: [
                    "priority": "\(current.site.realtimePriority)", "errno": "\(code)",
                ])
            }
            if let code = RealtimeMemory.lockAll() {
                logger.warning("could not lock memory (needs CAP_IPC_LOCK or LimitMEMLOCK=infinity); a page fault can delay a tick", metadata: [
                    "errno": "\(code)",
                ])
            }
            RealtimeMemory.prefaultStack()
        }
        logger.info("poled started", metadata: [
            "board": "\(current.board.file)", "backend": "\(current.board.backend.rawValue)", "tick": "\(current.site.tickMs)ms",
        ])
        var localTime = SiteLocalTime(zone: current.site.timeZone)
        var scheduler = TickScheduler(clock: SystemMonotonicClock(), periodMs: current.site.tickMs)
        var status = StatusPrinter(everyMs: options.statusEveryMs, writer: options.logWriter)
        let reloader = ConfigReloader(sources: options.sources)
        let stallAfterMs = notifier.watchdogIntervalNanoseconds.map { Int64($0 * 2 / 1_000_000) } ?? ControlSnapshot.defaultStallAfterMs
        var overrunLog = OverrunLog()
        var watchdog = NotifyCadence(intervalNanoseconds: notifier.watchdogIntervalNanoseconds)
        var statusNotice = NotifyCadence(intervalNanoseconds: 5_000_000_000)
        var clockSynchronised: Bool? = true
        var clockCheck = NotifyCadence(intervalNanoseconds: 1_000_000_000)
        var tracker = StatusTracker(latched: loop.pole.latchedFaults)
        var control = ControlExchange(mailbox: server.mailbox)
        let publishEveryTicks = UInt64(max(1, 100 / current.site.tickMs))
        var latenessMaxNanoseconds: UInt64 = 0
        var loopStats = options.loopStats.map { _ in LoopStats() }
        let traceFile = options.trace.map { BackgroundFileWriter(file: $0, what: "trace", logger: logger) }
        let recordingFile = options.record.map { BackgroundFileWriter(file: $0, what: "input recording", logger: logger) }
        var sinks = TickSinks(
            trace: traceFile,
            recording: recordingFile.map { file in
                (file, RecordingHeader(
                    sitePath: current.siteFile, boardPath: current.board.file, tickMs: current.site.tickMs,
                    zones: current.board.presenceZones, latched: loop.pole.latchedFaults, lampCounters: loop.pole.lampCounters ?? LampCounters()
                ))
            },
            store: store, latched: loop.pole.latchedFaults, flushEveryMs: 1_000
        )
        var stopSignal: String?
        var lastElapsedMs: Int64 = 0
        while true {
            let timing = scheduler.waitForNextTick()
            lastElapsedMs = timing.elapsedMs
            switch signals.takePending() {
            case .stop(let signal):
                stopSignal = signal
            case .reload:
                if !reloader.isPending { notifier.notify("RELOADING=1") }
                reloader.request()
            case nil:
                break
            }
            if let reloaded = reloader.take() {
                current = apply(reloaded, to: current, loop: &loop, localTime: &localTime)
                notifier.notify("READY=1")
            }
            if stopSignal != nil { break }
            if let limit = options.durationMs, timing.elapsedMs >= limit { break }
            if surroundings.advance(toElapsedMs: timing.elapsedMs) {
                logger.info("scenario finished; the simulated street holds its last state")
            }
            let utcSeconds = surroundings.utcSeconds()
            if surroundings.hasKernelClock, clockCheck.isDue(timing.woke) { clockSynchronised = KernelClockStatus.isSynchronised() }
            let commands = control.takeCommands(after: surroundings.takeCommands())
            let local = localTime.convert(utcSeconds: utcSeconds)
            do {
                try loop.tick(
                    monotonicMs: timing.elapsedMs, utcSeconds: utcSeconds, clockSynchronised: clockSynchronised,
                    localMinuteOfDay: local?.minuteOfDay, localDate: LocalDate(local?.date),
                    lux: sensors.lux(nowMs: timing.elapsedMs), particulates: sensors.particulates(nowMs: timing.elapsedMs), commands: commands,
                    latchedRecord: store.latchedRecord(holding: sinks.latched)
                )
            } catch {
                logger.critical("hardware failure; driving outputs safe and stopping", metadata: ["error": "\(error)"])
                shutDown(&loop, close: close)
                throw .hardware(error)
            }
            if scheduler.ticks == 1 {
                notifier.notify("READY=1\nSTATUS=\(summary(loop, current))")
            }
            let events = control.settle(outcomes: loop.pole.outcomes, events: loop.events, sensors: &sensors)
            for event in events { log(event, atMs: timing.elapsedMs) }
            tracker.observe(events)
            let utcMs = surroundings.utcMilliseconds()
            server.mailbox.record(events, utcMs: utcMs, monotonicMs: timing.elapsedMs)
            sinks.take(
                elapsedMs: timing.elapsedMs, utcMs: utcMs, events: events, inputs: loop.lastInputs, outputs: loop.outputs,
                latched: loop.pole.latchedFaults, lampCounters: loop.pole.lampCounters
            )
            latenessMaxNanoseconds = max(latenessMaxNanoseconds, timing.latenessNanoseconds)
            loopStats?.record(timing)
            if scheduler.ticks == 1 {
                // When the start-up hold began, on CLOCK_MONOTONIC: what a slow start cost, and the
                // anchor for anyone timing the outputs from outside (the HIL harness does).
                let afterStartMs = options.processStartNanoseconds.map { Int64((timing.woke.nanoseconds &- $0) / 1_000_000) }
                loopStats?.firstTickAfterStartMs = afterStartMs
                loopStats?.pageFaultsAtFirstTick = RealtimeMemory.threadPageFaults()
                logger.info("first tick", metadata: [
                    "monotonic_ms": "\(timing.woke.nanoseconds / 1_000_000)", "after_start_ms": "\(afterStartMs.map { "\($0)" } ?? "-")",
                ])
            }
            if (scheduler.ticks - 1) % publishEveryTicks == 0 || !events.isEmpty || !commands.isEmpty {
                var snapshot = ControlSnapshot(
                    configuration: current, loop: loop, tracker: tracker, sensors: sensors, uptimeMs: timing.elapsedMs,
                    publishedMonotonicMs: timing.woke.milliseconds, utcMs: utcMs, ticks: scheduler.ticks, overruns: scheduler.overruns,
                    latenessMaxMicroseconds: Int64(latenessMaxNanoseconds / 1_000)
                )
                snapshot.logLinesDropped = options.logWriter.droppedTotal
                snapshot.stallAfterMs = stallAfterMs
                server.mailbox.publish(snapshot)
            }
            control.answer()
            if watchdog.isDue(timing.woke) { notifier.notify("WATCHDOG=1") }
            if statusNotice.isDue(timing.woke) { notifier.notify("STATUS=\(summary(loop, current))") }
            if let missed = overrunLog.record(timing) {
                logger.warning("control loop overran its tick", metadata: [
                    "missed_ticks": "\(missed)", "total_overruns": "\(scheduler.overruns)",
                ])
            }
            status.observe(timing)
            status.printIfDue(timing.elapsedMs) {
                StatusLine.format(
                    board: current.board.name, uptimeMs: timing.elapsedMs, head: loop.pole.head,
                    outputs: loop.outputs, ticks: scheduler.ticks, overruns: scheduler.overruns,
                    latenessMaxNanoseconds: $0
                )
            }
        }
        loopStats?.pageFaultsAtEnd = RealtimeMemory.threadPageFaults()
        sinks.flush()
        traceFile.map { stop($0, "trace", timeoutMs: 2_000) }
        recordingFile.map { stop($0, "input recording", timeoutMs: 2_000) }
        if let stats = loopStats, let report = options.loopStats {
            report(stats.report(ticks: scheduler.ticks, overruns: scheduler.overruns, tickMs: current.site.tickMs, elapsedMs: lastElapsedMs))
        }
        notifier.notify("STOPPING=1\nSTATUS=stopping on \(stopSignal ?? "duration"); outputs driven safe")
        status.finish()
        shutDown(&loop, close: close)
        sinks.finish(lampCounters: loop.pole.lampCounters)
        logger.info("poled stopped; outputs driven to their safe levels", metadata: [
            "reason": "\(stopSignal ?? "duration elapsed")", "ticks": "\(scheduler.ticks)", "overruns": "\(scheduler.overruns)",
        ])
        return stopSignal
    }

    /// Takes a reloaded site file (read off the loop by `ConfigReloader`): a valid one with the same
    /// board, tick and priority replaces the settings; anything else is logged and the running
    /// configuration stays.
    private func apply<In, Out>(
        _ reloaded: Result<PoleConfiguration, ConfigError>, to current: PoleConfiguration, loop: inout ControlLoop<In, Out>,
        localTime: inout SiteLocalTime
    ) -> PoleConfiguration {
        var next: PoleConfiguration
        switch reloaded {
        case .success(let configuration):
            next = configuration
        case .failure(let error):
            logger.error("reload rejected; the running configuration stays", metadata: ["errors": "\(error.description)"])
            return current
        }
        guard next.board == current.board, next.site.tickMs == current.site.tickMs, next.site.realtimePriority == current.site.realtimePriority
        else {
            logger.error("reload rejected: the board, loop.tick and loop.realtime_priority change only with a restart; the running configuration stays")
            return current
        }
        if next.site.store != current.site.store || next.site.uplink != current.site.uplink || next.site.siteID != current.site.siteID {
            logger.notice("[store], [uplink] and site.id take effect at the next restart; the store and its outbox are kept")
            next.site.store = current.site.store
            next.site.uplink = current.site.uplink
            next.site.siteID = current.site.siteID
        }
        if next.poleSettings != current.poleSettings { loop.reconfigure(with: next.poleSettings) }
        if next.site.timeZone != current.site.timeZone { localTime = SiteLocalTime(zone: next.site.timeZone) }
        logger.notice("configuration reloaded", metadata: ["site": "\(next.siteFile ?? "none")"])
        return next
    }

    private func summary<In, Out>(_ loop: ControlLoop<In, Out>, _ configuration: PoleConfiguration) -> String {
        let pole = loop.pole
        var head = ""
        if let signal = pole.head {
            head = "head \(signal.name), floor \(loop.outputs.floor.name), "
        }
        let latched = pole.latchedFaults
        let faults = latched.isEmpty ? "no latched faults" : "latched: " + latched.map(\.name).joined(separator: ", ")
        return "\(configuration.site.siteID): \(head)lamp \(loop.outputs.lampPercent)%, \(faults)"
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
        case .sensorError(let sensor, let error):
            logger.warning("sensor failing", metadata: ["sensor": "\(sensor)", "error": "\(error)"])
        case .alert(let level):
            logger.notice("fine-dust alert", metadata: ["level": "\(level.name)"])
        case .maintenance(let active, let by):
            logger.notice(active ? "maintenance on: the crosswalk is dark" : "maintenance off", metadata: ["by": "\(by ?? "itself: its time was up")"])
        case .testStarted(let target, let durationMs, let by):
            logger.notice("output test started", metadata: ["target": "\(target.name)", "for_ms": "\(durationMs)", "by": "\(by)"])
        case .testEnded(let target, let reason):
            logger.notice("output test ended", metadata: ["target": "\(target.name)", "reason": "\(reason)"])
        case .audit(let command, let by, let reason, let outcome):
            logger.notice("technician command", metadata: [
                "command": "\(command)", "by": "\(by)", "reason": "\(reason ?? "")",
                "result": "\(outcome.isDone ? "done" : "refused")", "message": "\(outcome.message)",
            ])
        case .head, .night, .airMinute:
            logger.debug("event", metadata: ["event": "\(event)", "t": "\(elapsedMs)"])
        }
    }

    /// Stops a background part, saying so when it did not finish within `timeoutMs`.
    private func stop(_ part: some BackgroundPart, _ what: String, timeoutMs: Int) {
        if !part.stop(timeoutMs: timeoutMs) {
            logger.warning("the \(what) did not finish within \(DurationText.format(milliseconds: Int64(timeoutMs))); poled stops without it")
        }
    }

    private func shutDown<In, Out>(_ loop: inout ControlLoop<In, Out>, close: () throws(HALError) -> Void) {
        do {
            try loop.driveSafe()
            try close()
        } catch {
            logger.critical("could not drive outputs to their safe levels", metadata: ["error": "\(error)"])
        }
    }
}
