public import PoleCore
import PoleHAL

/// The simulated street: the signal head, people, light, air, and the pole's own lamps as they really
/// behave (faults included).
///
/// A reference type because the simulated HAL's input lines, output lines and I²C bus all look at the
/// same street. It is confined to the loop's thread, like real hardware handles, and it is advanced
/// only by `ScenarioPlayer` and `advance(toMs:)`, so a run is a function of its scenario.
///
/// The lines read it every tick, so what they read is kept by slot (an index fixed when a line is
/// opened), not by name: a tick hashes no string.
public final class Street {
    /// What a simulated input line reports.
    enum Input {
        case headRed, headGreen, floorRedSense, floorGreenSense, motion, lampCurrent, photocell
        /// Someone in the zone at this slot.
        case presence(slot: Int)
    }

    // What the lines read every tick is stored privately and read through the public properties
    // below: with every access in this file, the compiler proves none overlaps and drops the
    // run-time exclusivity check that a public stored property of a class costs on every read.
    private var timeMs: Int64 = 0
    private var headAspect: HeadAspect = .dark
    private var headSinceMs: Int64 = 0
    /// Presence zones in the order first named (by an input line or a scenario step), and whether
    /// someone is in each.
    private var presenceZones: [String] = []
    private var presenceLevels: [Bool] = []
    private var motionSeen = false
    private var photocellReadsDark = false
    private var floorFaultNow = FloorFault.none
    private var lampFaultNow = LampFault.none
    private var lampFaultSinceMs: Int64 = 0
    private var utcBaseSeconds: Int64
    private var utcBaseMs: Int64 = 0
    /// The output lines driven so far and those driven high, one bit per slot of
    /// `SimLines.outputNames` (bits, not an array: writing one never calls out, which is what lets
    /// the compiler drop the run-time checks).
    private var drivenMask: UInt32 = 0
    private var highMask: UInt32 = 0
    private var commandsPending = false

    public private(set) var lux = 10_000.0
    public private(set) var pm2_5 = 10.0
    public private(set) var pm10 = 20.0
    /// The simulated I²C devices, by role (`pm`, `lux`).
    public private(set) var devices: [String: SimI2CDevice] = [:]
    /// The devices sorted by role, so a lookup by address never depends on dictionary order.
    private(set) var devicesByRole: [SimI2CDevice] = []
    /// Technician commands given by the scenario and not yet taken by the runtime.
    public private(set) var pendingCommands: [Command] = []

    /// Virtual time in ms since the scenario's start.
    public var nowMs: Int64 { timeMs }
    public var head: HeadAspect { headAspect }
    public var motion: Bool { motionSeen }
    public var photocellDark: Bool { photocellReadsDark }
    public var floorFault: FloorFault { floorFaultNow }
    public var lampFault: LampFault { lampFaultNow }

    public init(startUTCSeconds: Int64) {
        utcBaseSeconds = startUTCSeconds
    }

    /// Moves virtual time forward; never backward.
    public func advance(toMs time: Int64) {
        precondition(time >= timeMs, "simulated time runs forward")
        timeMs = time
    }

    /// The simulated wall clock, in ms since the Unix epoch.
    public var utcMilliseconds: Int64 {
        utcBaseSeconds * 1_000 + (timeMs - utcBaseMs)
    }

    /// Adds a simulated I²C device for `role` (`pm`, `lux`).
    public func attach(_ device: SimI2CDevice, role: String) {
        devices[role] = device
        devicesByRole = devices.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Applies one scenario action at the current time.
    public func apply(_ action: StreetAction) {
        switch action {
        case .head(let aspect):
            headAspect = aspect
            headSinceMs = timeMs
        case .presence(let zone, let present):
            // Replaced whole, never changed in place: an in-place change calls out while it holds
            // the array, and the run-time check on every tick's read would come back.
            let slot = presenceSlot(zone: zone)
            var levels = presenceLevels
            levels[slot] = present
            presenceLevels = levels
        case .motion(let moving): motionSeen = moving
        case .lux(let value): lux = value
        case .photocell(let dark): photocellReadsDark = dark
        case .particulates(let fine, let coarse):
            pm2_5 = fine
            pm10 = coarse
        case .i2cFault(let device, let fault, let durationMs):
            let untilMs = durationMs.map { timeMs + $0 }
            devices[device]?.inject(fault, untilMs: untilMs)
        case .i2cFaultCleared(let device): devices[device]?.clearFault()
        case .i2cFrame(let device, let bytes): devices[device]?.answerNextRead(with: bytes)
        case .lampFault(let fault):
            lampFaultNow = fault
            lampFaultSinceMs = timeMs
        case .floorFault(let fault): floorFaultNow = fault
        case .setUTC(let seconds):
            utcBaseSeconds = seconds
            utcBaseMs = timeMs
        case .command(let command):
            pendingCommands.append(command)
            commandsPending = true
        }
    }

    /// Hands the scenario's technician commands to the runtime, once each; no allocation when none.
    public func takeCommands() -> [Command] {
        guard commandsPending else { return [] }
        commandsPending = false
        defer { pendingCommands.removeAll() }
        return pendingCommands
    }

    /// Whether someone is in `zone` now.
    public func isPresent(zone: String) -> Bool {
        presenceZones.firstIndex(of: zone).map { presenceLevels[$0] } ?? false
    }

    /// The slot of `zone`'s presence, added (nobody there) when first named.
    func presenceSlot(zone: String) -> Int {
        if let slot = presenceZones.firstIndex(of: zone) { return slot }
        presenceZones.append(zone)
        presenceLevels = presenceLevels + [false]
        return presenceZones.count - 1
    }

    /// Records what poled drives on the output line at `slot` of `SimLines.outputNames`.
    func drive(slot: Int, level: Bool) {
        let bit: UInt32 = 1 << slot
        drivenMask |= bit
        highMask = level ? highMask | bit : highMask & ~bit
    }

    /// Whether the output line at `slot` is driven high now (a line never driven is not).
    func isDrivenHigh(slot: Int) -> Bool {
        let bit: UInt32 = 1 << slot
        return highMask & bit != 0
    }

    /// The level last driven on the output line at `slot`, `nil` before the first.
    func drivenLevel(slot: Int) -> Bool? {
        let bit: UInt32 = 1 << slot
        return drivenMask & bit == 0 ? nil : highMask & bit != 0
    }

    /// Every output line driven so far and its latest level, by name.
    public var driven: [String: Bool] {
        var lines: [String: Bool] = [:]
        for (slot, name) in SimLines.outputNames.enumerated() {
            lines[name] = drivenLevel(slot: slot)
        }
        return lines
    }

    /// Samples `inputs` into `levels`, one level per input, in order.
    func sample(_ inputs: [Input], into levels: inout [LineLevel]) {
        for index in inputs.indices {
            let asserted = switch inputs[index] {
            case .headRed: headRedLit
            case .headGreen: headGreenLit
            case .floorRedSense: floorRedSensed
            case .floorGreenSense: floorGreenSensed
            case .motion: motionSeen
            case .lampCurrent: lampCurrentFlows
            case .photocell: photocellReadsDark
            case .presence(let slot): presenceLevels[slot]
            }
            levels[index] = LineLevel(asserted: asserted)
        }
    }

    /// The head's red lamp now.
    public var headRedLit: Bool {
        headAspect == .red || headAspect == .redAndGreen
    }

    /// The head's green lamp now; a flashing head is lit for the first half of each period.
    public var headGreenLit: Bool {
        switch headAspect {
        case .green, .redAndGreen: true
        case .flashingGreen(let periodMs): (timeMs - headSinceMs) % periodMs < periodMs / 2
        case .red, .dark: false
        }
    }

    /// What the floor's red sense input reports: what poled drives, unless a fault says otherwise.
    public var floorRedSensed: Bool {
        switch floorFaultNow {
        case .redStuckOn: true
        case .redOut: false
        case .swapped: drivenLevel(slot: SimLines.floorGreenSlot) ?? false
        case .none, .greenStuckOn, .greenOut: drivenLevel(slot: SimLines.floorRedSlot) ?? false
        }
    }

    /// What the floor's green sense input reports.
    public var floorGreenSensed: Bool {
        switch floorFaultNow {
        case .greenStuckOn: true
        case .greenOut: false
        case .swapped: drivenLevel(slot: SimLines.floorRedSlot) ?? false
        case .none, .redStuckOn, .redOut: drivenLevel(slot: SimLines.floorGreenSlot) ?? false
        }
    }

    /// Current in the security lamp's feed. A cycling lamp runs 60 s, goes out for 30 s, and restarts.
    public var lampCurrentFlows: Bool {
        let relayOn = drivenLevel(slot: SimLines.lampRelaySlot) ?? true
        switch lampFaultNow {
        case .none: return relayOn
        case .out: return false
        case .stuckOn: return true
        case .cycling: return relayOn && (timeMs - lampFaultSinceMs) % 90_000 < 60_000
        }
    }
}
