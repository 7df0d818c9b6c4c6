/// The crosswalk's malfunction monitor, modelled on a signal cabinet's MMU (docs/safety.md, invariant 3).
///
/// Independent code from the follower: it debounces the head and the floor sense with its own
/// debouncers and decides, from its own state, whether the floor may show anything at all. It holds
/// the floor dark during the start-up hold, while the head is implausible, and while any fault is
/// latched; latched faults stay until a person clears them, after which the start-up hold runs again.
public struct CrosswalkMonitor: Sendable {
    private var headRed: Debouncer<Lamp>
    private var headGreen: Debouncer<Lamp>
    private var floorRed: Debouncer<Lamp>
    private var floorGreen: Debouncer<Lamp>
    private var hold: StartupHold
    private var implausible = ImplausibleHeadRule()
    private var conflict: ConflictRule
    private var floorSense: FloorSenseRule
    private var lastValidSignal: HeadSignal?
    private var holding = true
    private var lastChangeMs: Int64?
    private var lastGreenEdgeMs: Int64?
    private var lastHead: (red: Lamp, green: Lamp)?
    private var lastCommanded: FloorIndication?
    /// What the runtime last said of the latched set's record.
    private var record = LatchedRecord.saved
    /// Whether `latched-unsaved` is raised: from an unsaved record until the record is saved again.
    private var unsavedRaised = false
    /// Faults latched now, sorted; they keep the floor dark.
    public private(set) var latched: [Fault]

    /// A monitor that starts with `latched` faults (restored from the state file).
    public init(settings: CrosswalkSettings, latched: [Fault] = []) {
        headRed = Debouncer(debounceMs: settings.debounceMs)
        headGreen = Debouncer(debounceMs: settings.debounceMs)
        floorRed = Debouncer(debounceMs: settings.debounceMs)
        floorGreen = Debouncer(debounceMs: settings.debounceMs)
        hold = StartupHold(holdMs: settings.startupHoldMs)
        conflict = ConflictRule(allowanceMs: settings.followAllowanceMs)
        floorSense = FloorSenseRule(allowanceMs: settings.followAllowanceMs)
        self.latched = Array(Set(latched.filter(\.isLatching))).sorted()
    }

    /// Takes reloaded settings, keeping every timer, latched fault and the hold's progress.
    public mutating func reconfigure(_ settings: CrosswalkSettings) {
        headRed.debounceMs = settings.debounceMs
        headGreen.debounceMs = settings.debounceMs
        floorRed.debounceMs = settings.debounceMs
        floorGreen.debounceMs = settings.debounceMs
        hold.holdMs = settings.startupHoldMs
        conflict.allowanceMs = settings.followAllowanceMs
        floorSense.allowanceMs = settings.followAllowanceMs
    }

    /// Whether the floor may show the follower's indication this tick.
    public var permitsFloor: Bool {
        !holding && !implausible.isImplausible && latched.isEmpty && record == .saved && !unsavedRaised
    }

    /// Whether the head is implausible now.
    public var headImplausible: Bool { implausible.isImplausible }


    /// Clears the named latched faults (all when `faults` is `nil`) and restarts the start-up hold;
    /// returns the faults it cleared, in order.
    public mutating func clear(_ faults: [Fault]?, by: String, reason: String, events: inout [Event]) -> [Fault] {
        let clearing = latched.filter { faults?.contains($0) ?? true }
        guard !clearing.isEmpty else { return [] }
        latched.removeAll { clearing.contains($0) }
        for fault in clearing {
            events.append(.faultCleared(fault, by: by, reason: reason))
        }
        conflict.reset()
        floorSense.reset()
        hold.restart()
        return clearing
    }

    /// Runs the start-up hold again, as when the crosswalk leaves maintenance.
    public mutating func restartHold() {
        hold.restart()
    }

    /// The head-side rules for this tick: implausible head (raised and cleared as events), the
    /// start-up hold, and the sequence check on the classified `signal`.
    public mutating func observeHead(_ inputs: Inputs, signal: HeadSignal, events: inout [Event]) {
        let now = inputs.monotonicMs
        let red = headRed.update(inputs.headRed, nowMs: now)
        let green = headGreen.update(inputs.headGreen, nowMs: now)
        if let last = lastHead, last.red != red || last.green != green {
            lastChangeMs = now
            if last.green != green { lastGreenEdgeMs = now }
        }
        lastHead = (red, green)
        let wasImplausible = implausible.isImplausible
        let isImplausible = implausible.update(red: red, green: green, nowMs: now)
        if isImplausible, !wasImplausible {
            events.append(.faultRaised(.headImplausible))
        } else if wasImplausible, !isImplausible {
            events.append(.faultCleared(.headImplausible, by: nil, reason: nil))
            hold.restart()
        }
        observeRecord(inputs.latchedRecord, events: &events)
        holding = hold.update(headValid: red != green, nowMs: now)
        checkSequence(signal, events: &events)
    }

    /// The floor-side rules for this tick, given what is commanded after the head-side gate: the
    /// conflict rule on the floor as sensed (or as commanded without sense inputs), and the sense rule.
    /// Whether flashing is involved comes from the monitor's own view of the head: a green edge
    /// within the flashing reset time.
    public mutating func observeFloor(_ inputs: Inputs, commanded: FloorIndication, events: inout [Event]) {
        let now = inputs.monotonicMs
        if let last = lastCommanded, last != commanded { lastChangeMs = now }
        lastCommanded = commanded
        let flashing = lastGreenEdgeMs.map { now - $0 <= MonitorTimings.agreementResetFlashingMs } ?? false
        var sensed = FloorSense(commanded: commanded)
        if let red = inputs.floorRedSense, let green = inputs.floorGreenSense {
            sensed = FloorSense(red: floorRed.update(red, nowMs: now), green: floorGreen.update(green, nowMs: now))
            if let fault = floorSense.update(commanded: commanded, sensed: sensed, nowMs: now) {
                latch(fault, events: &events)
            }
        }
        let head = (red: headRed.stable ?? .dark, green: headGreen.stable ?? .dark)
        let disagree = ConflictRule.disagrees(floor: sensed, headRed: head.red, headGreen: head.green)
        if conflict.update(disagree: disagree, flashing: flashing, lastChangeMs: lastChangeMs, nowMs: now) {
            latch(.conflict, events: &events)
        }
    }

    /// The latched set's record: while a change is being written the floor is dark without a fault
    /// (a clear's start-up hold covers it); a record that could not be written raises
    /// `latched-unsaved` until it is, and the start-up hold runs again after it clears.
    private mutating func observeRecord(_ now: LatchedRecord, events: inout [Event]) {
        record = now
        if now == .unsaved, !unsavedRaised {
            unsavedRaised = true
            events.append(.faultRaised(.latchedUnsaved))
        } else if now == .saved, unsavedRaised {
            unsavedRaised = false
            events.append(.faultCleared(.latchedUnsaved, by: nil, reason: nil))
            hold.restart()
        }
    }

    private mutating func latch(_ fault: Fault, events: inout [Event]) {
        guard !latched.contains(fault) else { return }
        latched.append(fault)
        latched.sort()
        events.append(.faultRaised(fault))
    }

    private mutating func checkSequence(_ signal: HeadSignal, events: inout [Event]) {
        guard signal.isValidIndication, signal != lastValidSignal else { return }
        if lastValidSignal == .green, signal == .red {
            events.append(.sequenceSkipped(from: .green, to: .red))
        }
        lastValidSignal = signal
    }
}
