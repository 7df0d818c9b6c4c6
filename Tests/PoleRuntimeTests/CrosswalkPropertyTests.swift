import Glibc
import PoleConfig
import PoleCore
import PoleRuntime
import PoleSim
import Testing

/// Seeded random street life with injected faults of every kind the simulator has, checked against
/// every invariant on every tick (the street's lamps and lines, and the core's events and outputs):
/// 20 runs of 50 simulated minutes (1 000 minutes) per `swift test`. `poled soak` runs the same for
/// as long as asked.
///
/// `POLED_SOAK_MINUTES=N` runs N minutes per seed instead; `POLED_SOAK_SEED=S` runs only seed S.
/// A failure prints the seed, the command that reproduces it, and the scenario steps of the window
/// before the first violation.
@Suite(.tags(.slow), .notInFastSet) struct CrosswalkPropertyTests {
    static let minutesPerSeed: Int64 = getenv("POLED_SOAK_MINUTES").flatMap { Int64(String(cString: $0)) } ?? 50
    static let seeds: [UInt64] = getenv("POLED_SOAK_SEED").flatMap { UInt64(String(cString: $0)) }.map { [$0] }
        ?? Array(1...20)


    @Test(arguments: seeds)
    func everyInvariantHoldsOnARandomStreet(seed: UInt64) throws {
        let configuration = try Repository.configuration(board: "sim.toml")
        let scenario = StreetChaos.scenario(
            seed: seed, durationMs: Self.minutesPerSeed * 60_000, zones: configuration.board.presenceZones,
            devices: configuration.board.i2c.map(\.role)
        )
        let sink = LineSink()
        let report = try SimulationRunner.run(configuration: configuration, scenario: scenario, trace: sink)
        guard let firstMs = report.violations.first?.atMs else {
            #expect(sink.lines.contains { $0.contains("fault.raised") }, "the chaos raised faults to check against")
            return
        }
        let window = scenario.steps.filter { $0.atMs >= firstMs - 10_000 && $0.atMs <= firstMs }
            .map { "  \(DurationText.format(milliseconds: $0.atMs)): \($0.action)" }.joined(separator: "\n")
        Issue.record("""
            seed \(seed) broke an invariant at \(firstMs) ms; reproduce with POLED_SOAK_SEED=\(seed) swift test --filter CrosswalkPropertyTests
            violations: \(report.violations.prefix(5))
            steps in the 10 s before:
            \(window)
            """)
    }
}
