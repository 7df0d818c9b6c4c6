import PoleCore
import PoleSim

/// The simulated street in real time for `poled run`: a scenario file played once (the street then
/// holds its last state), or the demo day, regenerated each day with the next seed.
struct SimulatedStreetDriver {
    let street: Street
    private let zones: [String]
    private let demoSeed: UInt64?
    private let startUTCSeconds: Int64
    private var scenario: Scenario
    private var player: ScenarioPlayer
    private var dayEndMs: Int64
    private(set) var scenarioFinished = false

    /// Plays `scenario`, or the demo day from `seed` when `scenario` is `nil`.
    init(scenario: Scenario?, seed: UInt64, nowUTCSeconds: Int64, zones: [String]) {
        self.zones = zones
        demoSeed = scenario == nil ? seed : nil
        startUTCSeconds = scenario?.startUTCSeconds ?? nowUTCSeconds
        let playing = scenario
            ?? DemoDay.scenario(seed: seed, startUTCSeconds: nowUTCSeconds, durationMs: 86_400_000, zones: zones)
        self.scenario = playing
        dayEndMs = playing.durationMs
        player = ScenarioPlayer(scenario: playing)
        street = Street(startUTCSeconds: startUTCSeconds)
    }

    /// Moves the street to `elapsedMs` since start; returns `true` the first time a scenario file ends.
    /// The demo's next day is generated when the last one ends, its steps placed after it, so the
    /// street's time only runs forward.
    mutating func advance(toElapsedMs elapsedMs: Int64) -> Bool {
        if let seed = demoSeed, elapsedMs >= dayEndMs {
            let dayMs: Int64 = 86_400_000
            let day = DemoDay.scenario(
                seed: seed &+ UInt64(dayEndMs / dayMs), startUTCSeconds: startUTCSeconds + dayEndMs / 1_000,
                durationMs: dayMs, zones: zones
            )
            let shifted = day.steps.map { Scenario.Step(atMs: $0.atMs + dayEndMs, action: $0.action, index: $0.index) }
            dayEndMs += dayMs
            scenario = Scenario(startUTCSeconds: startUTCSeconds, durationMs: dayEndMs, seed: seed, steps: shifted)
            player = ScenarioPlayer(scenario: scenario)
        }
        player.play(until: elapsedMs, on: street)
        guard demoSeed == nil, !scenarioFinished, player.isFinished(at: elapsedMs) else { return false }
        scenarioFinished = true
        return true
    }

    /// Technician commands the scenario gave since the last call.
    func takeCommands() -> [Command] {
        street.takeCommands()
    }
}
