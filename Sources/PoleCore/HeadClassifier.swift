/// Turns the debounced head lamps into a `HeadSignal`, recognising flashing by pulse timing.
///
/// A pedestrian head's flashing green leaves both lamps dark for part of every cycle, so "both dark"
/// alone means nothing: the previous indication holds through a gap no longer than a flash pulse, and
/// only a longer gap is `dark`. Flashing is recognised when green relights after an off pulse within
/// the window, and lasts while each on and off pulse stays within it; a green on for longer than the
/// window is steady green again. Nothing is guessed from a single sample.
public struct HeadClassifier: Sendable {
    private var pulseMinMs: Int64
    private var pulseMaxMs: Int64
    /// The current classification.
    public private(set) var signal: HeadSignal = .dark
    private var green: Lamp?
    private var greenEdgeMs: Int64?
    private var lastOffPulseMs: Int64?
    private var bothDarkSinceMs: Int64?

    public init(settings: CrosswalkSettings) {
        pulseMinMs = settings.flashPulseMinMs
        pulseMaxMs = settings.flashPulseMaxMs
    }

    /// Takes a reloaded pulse window, keeping what it has seen.
    public mutating func reconfigure(_ settings: CrosswalkSettings) {
        pulseMinMs = settings.flashPulseMinMs
        pulseMaxMs = settings.flashPulseMaxMs
    }

    /// Classifies the debounced lamps at `nowMs` and returns the signal.
    public mutating func update(red: Lamp, green newGreen: Lamp, nowMs: Int64) -> HeadSignal {
        trackGreenEdges(newGreen, nowMs: nowMs)
        switch (red, newGreen) {
        case (.lit, .lit):
            signal = .implausible
        case (.lit, .dark):
            lastOffPulseMs = nil
            signal = .red
        case (.dark, .lit):
            signal = isRelitAfterFlashGap(nowMs: nowMs) ? .flashingGreen : .green
        case (.dark, .dark):
            signal = holdsThroughGap(nowMs: nowMs) ? signal : .dark
        }
        bothDarkSinceMs = (red == .dark && newGreen == .dark) ? (bothDarkSinceMs ?? nowMs) : nil
        return signal
    }

    private mutating func trackGreenEdges(_ newGreen: Lamp, nowMs: Int64) {
        guard newGreen != green else { return }
        if newGreen == .lit, green == .dark, let edge = greenEdgeMs {
            lastOffPulseMs = nowMs - edge
        }
        green = newGreen
        greenEdgeMs = nowMs
    }

    private func isWithinPulseWindow(_ widthMs: Int64) -> Bool {
        widthMs >= pulseMinMs && widthMs <= pulseMaxMs
    }

    private func isRelitAfterFlashGap(nowMs: Int64) -> Bool {
        guard let offPulse = lastOffPulseMs, let edge = greenEdgeMs else { return false }
        guard signal == .green || signal == .flashingGreen else { return false }
        return isWithinPulseWindow(offPulse) && nowMs - edge <= pulseMaxMs
    }

    private func holdsThroughGap(nowMs: Int64) -> Bool {
        guard signal == .green || signal == .flashingGreen || signal == .red else { return false }
        let darkSince = bothDarkSinceMs ?? nowMs
        return nowMs - darkSince <= pulseMaxMs
    }
}
