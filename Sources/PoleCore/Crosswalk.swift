/// The crosswalk feature: head sensing, classification and the floor signal.
public struct Crosswalk: Sendable {
    private var redDebouncer: Debouncer<Lamp>
    private var greenDebouncer: Debouncer<Lamp>
    private var classifier: HeadClassifier
    private var follower: FloorFollower
    /// The classified head signal after the last step.
    public private(set) var head: HeadSignal = .dark

    public init(settings: CrosswalkSettings) {
        redDebouncer = Debouncer(debounceMs: settings.debounceMs)
        greenDebouncer = Debouncer(debounceMs: settings.debounceMs)
        classifier = HeadClassifier(settings: settings)
        follower = FloorFollower(settings: settings)
    }

    /// Advances one tick: sets `outputs.floor` and appends a `head` event when the signal changes.
    public mutating func step(_ inputs: Inputs, outputs: inout Outputs, events: inout [Event]) {
        let now = inputs.monotonicMs
        let red = redDebouncer.update(inputs.headRed, nowMs: now)
        let green = greenDebouncer.update(inputs.headGreen, nowMs: now)
        let signal = classifier.update(red: red, green: green, nowMs: now)
        if signal != head {
            head = signal
            events.append(.head(signal))
        }
        outputs.floor = follower.floor(signal: signal, red: red, green: green, nowMs: now)
    }
}
