public import PoleHAL

/// Virtual time for a simulation: sleeping to a deadline moves the street there, playing every
/// scenario step on the way.
///
/// The control loop cannot tell it from `CLOCK_MONOTONIC`; that is how the same loop code runs in
/// real time for `poled run` and as fast as the CPU allows for `poled simulate`, deterministically.
public struct StreetClock: MonotonicClock, UTCClock {
    private let street: Street
    private var player: ScenarioPlayer

    public init(street: Street, player: ScenarioPlayer) {
        self.street = street
        self.player = player
    }

    public func now() -> MonotonicInstant {
        MonotonicInstant(nanoseconds: UInt64(street.nowMs) * 1_000_000)
    }

    public func now() -> UTCInstant {
        let milliseconds = street.utcMilliseconds
        let seconds = milliseconds >= 0 ? milliseconds / 1_000 : (milliseconds - 999) / 1_000
        return UTCInstant(seconds: seconds, nanoseconds: Int32(milliseconds - seconds * 1_000) * 1_000_000)
    }

    public mutating func sleep(until deadline: MonotonicInstant) {
        let target = Int64(deadline.nanoseconds / 1_000_000)
        guard target > street.nowMs else { return }
        player.play(until: target, on: street)
    }

    /// Plays the steps due at the current time (those at 0 ms before the first tick).
    public mutating func playDueSteps() {
        player.play(until: street.nowMs, on: street)
    }
}
