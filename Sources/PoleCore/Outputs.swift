/// On or off, for outputs that are nothing else.
public enum Switch: Sendable, Hashable {
    case off
    case on

    /// The name used in traces and the control protocol.
    public var name: String { self == .on ? "on" : "off" }
}

/// A spoken guidance message, or none.
public enum VoiceMessage: Sendable, Hashable, CaseIterable {
    case none
    /// Red: "do not enter the roadway".
    case redWait
    /// Green: "look left and right, then cross".
    case greenCross
    /// Flashing green: "wait for the next signal".
    case flashWait

    /// The name used in traces and the control protocol.
    public var name: String {
        switch self {
        case .none: "none"
        case .redWait: "red-wait"
        case .greenCross: "green-cross"
        case .flashWait: "flash-wait"
        }
    }
}

/// The air-quality indicator lamp shown to passers-by.
public enum AirIndication: Sendable, Hashable, CaseIterable {
    case off
    case good
    case moderate
    case bad
    case veryBad

    /// The name used in traces and the control protocol.
    public var name: String {
        switch self {
        case .off: "off"
        case .good: "good"
        case .moderate: "moderate"
        case .bad: "bad"
        case .veryBad: "very-bad"
        }
    }
}

/// Everything the core commands for one tick, as a value.
///
/// The runtime maps these to lines (only the ones that changed) and to the trace. Levels are percent.
public struct Outputs: Sendable, Hashable {
    public var floor: FloorIndication
    /// Floor brightness, percent: full by day, the night level at night.
    public var floorLevelPercent: Int
    /// The driver warning: on while it is active (traced).
    public var beacon: Switch
    /// The beacon lamp itself, flashing while the warning is on.
    public var beaconLamp: Switch
    /// The voice message whose trigger is held this tick.
    public var voice: VoiceMessage
    /// Voice at night volume.
    public var voiceNightVolume: Switch
    public var spotlightPercent: Int
    public var lampPercent: Int
    public var air: AirIndication
    public var mist: Switch

    /// The known-safe state (DESIGN.md §4): crosswalk, beacon, voice, air and mist off; the security
    /// lamp full, because lamps fail lit.
    public static let safe = Outputs()

    private init() {
        floor = .dark
        floorLevelPercent = 100
        beacon = .off
        beaconLamp = .off
        voice = .none
        voiceNightVolume = .off
        spotlightPercent = 0
        lampPercent = 100
        air = .off
        mist = .off
    }
}
