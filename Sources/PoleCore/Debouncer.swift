/// Accepts a new input value only after it has been stable for the debounce time.
///
/// Exists because contact bounce and relay chatter on a head-sense opto must not reach the floor light.
/// Works on tick time from `Inputs`, so it is deterministic and replayable.
public struct Debouncer<Value: Equatable & Sendable>: Sendable {
    /// How long a new value must hold before it is accepted, in ms (0 accepts at once); a reload may
    /// change it without losing the accepted value.
    public var debounceMs: Int64 {
        didSet { precondition(debounceMs >= 0, "debounce below zero") }
    }
    /// The accepted value; `nil` before the first sample.
    public private(set) var stable: Value?
    private var candidate: Value?
    private var candidateSinceMs: Int64 = 0

    public init(debounceMs: Int64) {
        precondition(debounceMs >= 0, "debounce below zero")
        self.debounceMs = debounceMs
    }

    /// Feeds the raw value sampled at `nowMs` and returns the accepted value.
    ///
    /// The first sample is accepted at once: at start-up nothing was shown before it, and the
    /// start-up hold keeps the floor dark while the first values settle.
    public mutating func update(_ raw: Value, nowMs: Int64) -> Value {
        guard let current = stable else {
            stable = raw
            candidate = raw
            candidateSinceMs = nowMs
            return raw
        }
        if raw != candidate {
            candidate = raw
            candidateSinceMs = nowMs
        }
        if raw != current, nowMs - candidateSinceMs >= debounceMs {
            stable = raw
            return raw
        }
        return current
    }
}
