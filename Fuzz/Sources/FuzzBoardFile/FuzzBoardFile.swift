import FuzzPole
import FuzzSupport
import PoleConfig
import PoleRuntime

/// libFuzzer harness: any text as a board file, through the loader `poled check-config --board` uses.
///
/// A board the loader accepts is also reported as check-config prints it and run through the core,
/// so a binding that validates but cannot be driven is found too.
@main
enum FuzzBoardFile {
    static func main() {
        LibFuzzer.run { start, count in
            FuzzBoardFile.testOneInput(start, count)
            return 0
        }
    }

    private static func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        guard let text = FuzzInput.text(start, count) else { return }
        do {
            let configuration = try ConfigLoader.parse(site: nil, board: ("board.toml", text), sources: SimulatedPole.sources)
            _ = ConfigReport.text(configuration)
            SimulatedPole.exercise(configuration.poleSettings)
        } catch {
            _ = error.description
        }
    }
}
