/// Decides the floor signal: the one place where the head, the monitor's permission and maintenance
/// become what the floor is commanded to show.
///
/// In service the floor shows green only while the head's green is lit (debounced), red only while
/// red is lit, and dark otherwise, so during flashing green it flashes in phase with the head
/// (docs/safety.md, invariants 1 and 2). In maintenance it is dark, or shows the colour under test
/// only while the head shows that colour steadily (the test's `requiredHead`) and the floor would
/// show it in service. Without the monitor's permission it is dark whatever else holds. The monitor
/// then checks what was commanded on its own (`CrosswalkMonitor.observeFloor`).
public enum FloorFollower {
    /// The floor indication for the classified signal and the debounced lamps, given whether the
    /// monitor permits the floor and maintenance's floor mode (`nil` in service, `.dark` in
    /// maintenance, or the colour under test).
    public static func floor(
        signal: HeadSignal, red: Lamp, green: Lamp, permitted: Bool, maintenance: FloorIndication? = nil
    ) -> FloorIndication {
        guard permitted else { return .dark }
        let following = following(signal: signal, red: red, green: green)
        guard let tested = maintenance else { return following }
        guard tested != .dark, following == tested, TestTarget.floor(tested).requiredHead == signal else { return .dark }
        return tested
    }

    /// What the floor shows in service: the lit head lamp's colour, dark when neither or both are lit
    /// or the head is implausible.
    static func following(signal: HeadSignal, red: Lamp, green: Lamp) -> FloorIndication {
        if signal == .implausible { return .dark }
        switch (red, green) {
        case (.lit, .dark): return .red
        case (.dark, .lit): return .green
        case (.dark, .dark), (.lit, .lit): return .dark
        }
    }
}
