/// Drives the floor signal from the debounced head lamps.
///
/// The floor shows green only while the head's green is lit (debounced), red only while red is lit,
/// and dark otherwise, so during flashing green it flashes in phase with the head. It stays dark during
/// the start-up hold and until the head has shown one valid indication, and whenever the head is
/// implausible (DESIGN.md §4 invariants 1, 2, 6).
public struct FloorFollower: Sendable {
    private let startupHoldMs: Int64
    private var startMs: Int64?
    private var headSeenValid = false

    public init(settings: CrosswalkSettings) {
        startupHoldMs = settings.startupHoldMs
    }

    /// The floor indication for this tick.
    public mutating func floor(signal: HeadSignal, red: Lamp, green: Lamp, nowMs: Int64) -> FloorIndication {
        let start = startMs ?? nowMs
        startMs = start
        if signal.isValidIndication { headSeenValid = true }
        if nowMs - start < startupHoldMs { return .dark }
        if !headSeenValid { return .dark }
        if signal == .implausible { return .dark }
        switch (red, green) {
        case (.lit, .dark): return .red
        case (.dark, .lit): return .green
        case (.dark, .dark), (.lit, .lit): return .dark
        }
    }
}
