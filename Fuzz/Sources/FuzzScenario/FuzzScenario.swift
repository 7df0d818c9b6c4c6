import FuzzPole
import FuzzSupport
import PoleRuntime
import PoleSim

/// libFuzzer harness: any bytes as a scenario file, parsed and checked against the simulated board
/// as `poled simulate` does, then simulated for its first two seconds.
///
/// The simulation runs the real control loop, core and sensor pollers in virtual time, so a start
/// time, wall-clock step or I²C frame that parses but traps the pole is found too. Two seconds keep
/// each run short; the fuzzer moves steps to the start to reach them.
@main
enum FuzzScenario {
    static func main() {
        LibFuzzer.run { start, count in
            FuzzScenario.testOneInput(start, count)
            return 0
        }
    }

    private static func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        let configuration = SimulatedPole.configuration
        guard case .success(var scenario) = ScenarioParser.parse(file: "scenario.json", bytes: FuzzInput.bytes(start, count)),
              ScenarioBoardCheck.problems(scenario, board: configuration.board).isEmpty
        else { return }
        scenario.durationMs = min(scenario.durationMs, 2_000)
        do {
            let report = try SimulationRunner.run(configuration: configuration, scenario: scenario, trace: DiscardedTrace())
            if let violation = report.violations.first {
                fatalError("safety invariant broken: \(violation)")
            }
        } catch {
            fatalError("the simulated board failed: \(error)")
        }
    }
}
