/// Whether it is night at the pole: one decision that serves the floor's night level, the voice's
/// night volume and the crosswalk spotlight.
///
/// Decided by the photocell where the board has one (`Inputs.photocellDark`); a pole without one is
/// taken as day. The security-lamp feature replaces this with the full decision (astronomical clock,
/// lux sensor, fail-lit rules).
struct NightDecision: Sendable {
    private(set) var isNight: Bool?

    /// Decides for this tick and appends a `night` event when the decision changes.
    mutating func update(_ inputs: Inputs, events: inout [Event]) -> Bool {
        let night = inputs.photocellDark ?? false
        if night != isNight {
            isNight = night
            events.append(.night(night))
        }
        return night
    }
}
