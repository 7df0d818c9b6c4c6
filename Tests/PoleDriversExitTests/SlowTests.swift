import Glibc
import Testing

extension Tag {
    /// Tests that start processes (the daemon, a broker, other users' clients, a crashing child) or
    /// simulate long stretches of street: seconds each. `POLED_TESTS=fast swift test` leaves them out.
    @Tag static var slow: Self
}

extension Trait where Self == ConditionTrait {
    /// Runs the test unless the fast set was asked for (`POLED_TESTS=fast`); goes with `.tags(.slow)`.
    static var notInFastSet: Self {
        .enabled(if: getenv("POLED_TESTS").map { String(cString: $0) } != "fast", "slow: left out of the fast set (POLED_TESTS=fast)")
    }
}
