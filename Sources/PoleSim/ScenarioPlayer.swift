/// Applies a scenario's steps to the street as virtual time reaches them.
public struct ScenarioPlayer: Sendable {
    public let scenario: Scenario
    private var next = 0

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// Applies every step due at or before `timeMs`, in order, then moves the street to `timeMs`.
    public mutating func play(until timeMs: Int64, on street: Street) {
        while next < scenario.steps.count, scenario.steps[next].atMs <= timeMs {
            let step = scenario.steps[next]
            street.advance(toMs: max(street.nowMs, step.atMs))
            street.apply(step.action)
            next += 1
        }
        street.advance(toMs: timeMs)
    }

    /// Whether the scenario has run its course at `timeMs`.
    public func isFinished(at timeMs: Int64) -> Bool {
        timeMs >= scenario.durationMs
    }
}
