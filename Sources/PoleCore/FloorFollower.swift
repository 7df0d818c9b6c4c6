/// Maps the debounced head lamps to the floor signal.
///
/// The floor shows green only while the head's green is lit (debounced), red only while red is lit,
/// and dark otherwise, so during flashing green it flashes in phase with the head (docs/safety.md,
/// invariants 1 and 2). Whether the floor may show anything at all is the monitor's decision, not
/// this one's.
public enum FloorFollower {
    /// The floor indication for the classified signal and the debounced lamps.
    public static func floor(signal: HeadSignal, red: Lamp, green: Lamp) -> FloorIndication {
        if signal == .implausible { return .dark }
        switch (red, green) {
        case (.lit, .dark): return .red
        case (.dark, .lit): return .green
        case (.dark, .dark), (.lit, .lit): return .dark
        }
    }
}
