import PoleCore
import PoleSim

/// The simulated street in real time for `poled run`: a scenario file played once (the street then
/// holds its last state), or the demo day, regenerated each day with the next seed.
///
/// The demo is held an hour at a time: a whole day's steps take about 1 MB, most of the daemon's
/// heap on the simulated board, and each hour is exactly that part of the day.
struct SimulatedStreetDriver: RunSurroundings {
    let street: Street
    private let zones: [String]
    private let demoSeed: UInt64?
    private let startUTCSeconds: Int64
    private var player: ScenarioPlayer
    /// Where the demo's steps held in `player` end, ms since start.
    private var demoHeldUntilMs: Int64 = 0
    private(set) var scenarioFinished = false

    static let dayMs: Int64 = 86_400_000
    /// A whole number of parts make a day, so no part spans two days.
    static let demoPartMs: Int64 = 3_600_000

    /// Plays `scenario`, or the demo day from `seed` when `scenario` is `nil`.
    init(scenario: Scenario?, seed: UInt64, nowUTCSeconds: Int64, zones: [String]) {
        self.zones = zones
        demoSeed = scenario == nil ? seed : nil
        startUTCSeconds = scenario?.startUTCSeconds ?? nowUTCSeconds
        player = ScenarioPlayer(scenario: scenario ?? Scenario(startUTCSeconds: nowUTCSeconds, durationMs: 0, seed: seed, steps: []))
        street = Street(startUTCSeconds: startUTCSeconds)
    }

    /// Moves the street to `elapsedMs` since start; returns `true` the first time a scenario file ends.
    /// The demo's next hour is generated when the last one ends, its steps placed after it, so the
    /// street's time only runs forward.
    mutating func advance(toElapsedMs elapsedMs: Int64) -> Bool {
        if let seed = demoSeed, elapsedMs >= demoHeldUntilMs {
            player = ScenarioPlayer(scenario: demoPart(containing: elapsedMs, seed: seed))
        }
        player.play(until: elapsedMs, on: street)
        guard demoSeed == nil, !scenarioFinished, player.isFinished(at: elapsedMs) else { return false }
        scenarioFinished = true
        return true
    }

    /// The hour of the demo containing `elapsedMs`: day `d` is the demo day of seed `seed + d`,
    /// starting `d` days after the start; a step at a day's very end gives way to the next day's.
    private mutating func demoPart(containing elapsedMs: Int64, seed: UInt64) -> Scenario {
        let day = elapsedMs / Self.dayMs
        let dayStartMs = day * Self.dayMs
        let partStartMs = elapsedMs - elapsedMs % Self.demoPartMs
        demoHeldUntilMs = partStartMs + Self.demoPartMs
        let steps = DemoDay.scenario(
            seed: seed &+ UInt64(day), startUTCSeconds: startUTCSeconds + dayStartMs / 1_000, durationMs: Self.dayMs,
            zones: zones, within: (partStartMs - dayStartMs)..<(demoHeldUntilMs - dayStartMs)
        ).steps.map { Scenario.Step(atMs: $0.atMs + dayStartMs, action: $0.action, index: $0.index) }
        return Scenario(startUTCSeconds: startUTCSeconds, durationMs: demoHeldUntilMs, seed: seed, steps: steps)
    }

    /// Technician commands the scenario gave since the last call.
    func takeCommands() -> [Command] {
        street.takeCommands()
    }

    func utcSeconds() -> Int64 { street.utcMilliseconds / 1_000 }
    func utcMilliseconds() -> Int64 { street.utcMilliseconds }
    /// The street's clock is virtual: there is no kernel state to ask.
    var hasKernelClock: Bool { false }
}
