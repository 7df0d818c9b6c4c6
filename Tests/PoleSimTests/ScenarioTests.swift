import PoleSim
import Testing

@Suite struct ScenarioTests {
    @Test func initSortsStepsByTimeKeepingSameTimeOrder() {
        let scenario = Scenario(startUTCSeconds: 0, durationMs: 10_000, seed: 0, steps: [
            Scenario.Step(atMs: 5_000, action: .head(.green), index: 0),
            Scenario.Step(atMs: 0, action: .head(.red), index: 1),
            Scenario.Step(atMs: 5_000, action: .motion(true), index: 2),
            Scenario.Step(atMs: 0, action: .lux(3), index: 3),
            Scenario.Step(atMs: 5_000, action: .head(.dark), index: 4),
        ])
        #expect(scenario.steps.map(\.index) == [1, 3, 0, 2, 4])
        #expect(scenario.steps.map(\.atMs) == [0, 0, 5_000, 5_000, 5_000])
    }
}
