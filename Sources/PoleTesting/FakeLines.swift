public import PoleHAL

/// Input lines whose levels the test sets; a sample can be made to fail.
public final class FakeInputLines: DigitalInputSet {
    /// What the next sample returns.
    public var levels: [LineLevel]
    /// When set, the next sample throws it (once).
    public var nextError: HALError?
    /// How many samples were taken.
    public private(set) var samples = 0

    public init(count: Int) {
        levels = Array(repeating: .low, count: count)
    }

    public var lineCount: Int { levels.count }

    public func sample(into levels: inout [LineLevel]) throws(HALError) {
        if let error = nextError {
            nextError = nil
            throw error
        }
        samples += 1
        levels = self.levels
    }
}

/// Output lines that remember every bulk write with the clock's time, like a logic analyser.
public final class FakeOutputLines: DigitalOutputSet {
    /// One bulk write.
    public struct Write: Sendable, Hashable {
        public var time: MonotonicInstant
        public var levels: [LineLevel]
    }

    public let safeLevels: [LineLevel]
    private let time: () -> MonotonicInstant
    /// Every write, in order; the first is the request's initial (safe) state.
    public private(set) var writes: [Write]

    /// Lines "requested" at their safe levels at the clock's current time.
    public init(safeLevels: [LineLevel], clock: VirtualClock) {
        self.safeLevels = safeLevels
        time = { clock.now() }
        writes = [Write(time: clock.now(), levels: safeLevels)]
    }

    public var lineCount: Int { safeLevels.count }

    /// The levels now on the lines.
    public var current: [LineLevel] { writes[writes.count - 1].levels }

    public func apply(_ levels: [LineLevel]) throws(HALError) {
        precondition(levels.count == safeLevels.count, "one level per line")
        writes.append(Write(time: time(), levels: levels))
    }
}
