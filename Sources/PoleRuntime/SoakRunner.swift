public import PoleConfig
import PoleCore
public import PoleSim

/// `poled soak`: random street life with every fault the simulator can inject, checked against every
/// invariant on every tick, for as many simulated minutes as asked (issue: benchmarks and soak).
///
/// The street is cut into runs of an hour, each its own `StreetChaos` scenario with seed `seed + i`,
/// so a failure is reproduced by one short command (`poled soak --minutes 60 --seed S+i`) and a long
/// soak needs no more memory than an hour does.
public enum SoakRunner {
    /// Simulated minutes in one run.
    public static let runMinutes: Int64 = 60

    /// A broken invariant, with what reproduces it.
    public struct Failure: Sendable, Hashable {
        /// The seed of the run that broke it: `poled soak --minutes 60 --seed` this reproduces it.
        public var seed: UInt64
        public var violations: [InvariantMonitor.Violation]
        /// The scenario's steps in the 10 s before the first violation.
        public var window: [String]
    }

    /// What a soak found.
    public struct Report: Sendable, Hashable {
        public var minutes: Int64 = 0
        public var runs = 0
        public var faultsInjected = 0
        public var failure: Failure?
    }

    /// Soaks `minutes` of street life from `seed`, writing each run's trace to `trace` one after the
    /// other (each starts again at t = 0); `progress` hears the minutes done after each run.
    public static func run(
        configuration: PoleConfiguration, minutes: Int64, seed: UInt64, trace: (any TraceSink)? = nil,
        progress: (Int64) -> Void = { _ in }
    ) throws(SimulationFailure) -> Report {
        var report = Report()
        while report.minutes < minutes {
            let runSeed = seed &+ UInt64(report.runs)
            let runMinutes = min(runMinutes, minutes - report.minutes)
            let scenario = StreetChaos.scenario(
                seed: runSeed, durationMs: runMinutes * 60_000, zones: configuration.board.presenceZones,
                devices: configuration.board.i2c.map(\.role)
            )
            let result = try SimulationRunner.run(configuration: configuration, scenario: scenario, trace: trace)
            report.runs += 1
            report.minutes += runMinutes
            report.faultsInjected += scenario.steps.count { isFault($0.action) }
            if let first = result.violations.first {
                let window = scenario.steps.filter { $0.atMs >= first.atMs - 10_000 && $0.atMs <= first.atMs }
                    .map { "\(DurationText.format(milliseconds: $0.atMs)): \($0.action)" }
                report.failure = Failure(seed: runSeed, violations: Array(result.violations.prefix(10)), window: window)
                return report
            }
            progress(report.minutes)
        }
        return report
    }

    /// Whether a step injects a fault (rather than ordinary street life or a repair).
    static func isFault(_ action: StreetAction) -> Bool {
        switch action {
        case .head(.redAndGreen), .head(.dark), .i2cFault, .setUTC: true
        case .floorFault(let fault): fault != .none
        case .lampFault(let fault): fault != .none
        default: false
        }
    }
}
