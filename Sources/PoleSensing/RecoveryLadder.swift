/// What a sensor poller does after each consecutive failure: retry with back-off, then reset the
/// sensor and start it again, then call it failed and retry slowly (docs/sensors.md, "Sensor
/// recovery": a failed sensor is retried at least once a minute).
///
/// Exists as one pure value so the timings are stated once, tested at their edges, and the same for
/// every sensor. A bus glitch (a NACK burst on a long cable, a corrupt frame) is ridden out by the
/// retries without touching the sensor; only a sensor that keeps failing is reset.
struct RecoveryLadder: Sendable, Hashable {
    /// What to do next.
    enum Action: Sendable, Hashable {
        /// Try the same step again after this long; the sensor keeps its state.
        case retry(afterMs: Int64)
        /// Reset the sensor now and initialise it again (identity, start, warm-up).
        case reset
        /// Given up for now: reset and initialise again after this long, and again after each failure.
        case retrySlowly(afterMs: Int64)
    }

    /// Back-off of the first retries: 1 s, 2 s, 4 s, so a burst of a few seconds costs no reset.
    static let retryBackoffMs: [Int64] = [1_000, 2_000, 4_000]
    /// A failed sensor is tried again once a minute.
    static let slowRetryMs: Int64 = 60_000

    /// Whether the sensor has a reset command (the SPS30 has; the PMSA003I has only a pin).
    let canReset: Bool
    /// Failures since the last good sample.
    private(set) var consecutiveFailures = 0

    init(canReset: Bool) {
        self.canReset = canReset
    }

    /// Records a failure and says what to do.
    mutating func failed() -> Action {
        consecutiveFailures += 1
        if consecutiveFailures <= Self.retryBackoffMs.count {
            return .retry(afterMs: Self.retryBackoffMs[consecutiveFailures - 1])
        }
        if canReset, consecutiveFailures == Self.retryBackoffMs.count + 1 { return .reset }
        return .retrySlowly(afterMs: Self.slowRetryMs)
    }

    /// Records a good sample: the ladder starts again from the bottom.
    mutating func succeeded() {
        consecutiveFailures = 0
    }

    /// Whether the retries and the reset are spent: the sensor is reported failed, not just failing.
    var hasGivenUp: Bool {
        consecutiveFailures > Self.retryBackoffMs.count + (canReset ? 1 : 0)
    }
}
