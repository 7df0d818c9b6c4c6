import PoleCore
import PoleHAL
import PoleLinux

/// What a live run takes from the world around its lines each tick: the wall clock, whether the
/// kernel's synchronisation state is worth asking, and technician commands scripted into the world.
///
/// Exists so `LiveRunner`'s loop is one loop for both boards without naming a simulator type on the
/// real board's path: on a real board these are the system's (`SystemSurroundings`), on the simulated
/// board the street's (`SimulatedStreetDriver`).
protocol RunSurroundings {
    /// Moves the world to `elapsedMs` since start; `true` the first time a scripted scenario ends.
    mutating func advance(toElapsedMs elapsedMs: Int64) -> Bool
    /// Wall-clock seconds since the Unix epoch.
    func utcSeconds() -> Int64
    /// Wall-clock milliseconds since the Unix epoch.
    func utcMilliseconds() -> Int64
    /// Whether the wall clock is the kernel's, whose synchronisation state `adjtimex` reports.
    var hasKernelClock: Bool { get }
    /// Commands scripted into the world since the last call.
    func takeCommands() -> [Command]
}

/// A real board's surroundings: the system's wall clock, nothing scripted.
struct SystemSurroundings: RunSurroundings {
    private let clock = SystemUTCClock()

    func advance(toElapsedMs _: Int64) -> Bool { false }
    func utcSeconds() -> Int64 { clock.now().seconds }
    func utcMilliseconds() -> Int64 { clock.now().unixMilliseconds }
    var hasKernelClock: Bool { true }
    func takeCommands() -> [Command] { [] }
}
