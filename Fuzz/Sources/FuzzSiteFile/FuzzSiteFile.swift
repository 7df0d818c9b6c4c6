import FuzzPole
import FuzzSupport
import PoleConfig
import PoleRuntime

/// libFuzzer harness: any text as a site file on the simulated board, through the loader
/// `poled check-config --config` and a SIGHUP reload use.
///
/// A site the loader accepts is also reported as check-config prints it and taken by a running core
/// as a reload, so a setting that validates but traps the core is found too.
@main
enum FuzzSiteFile {
    static func main() {
        LibFuzzer.run { start, count in
            FuzzSiteFile.testOneInput(start, count)
            return 0
        }
    }

    private static func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        guard let text = FuzzInput.text(start, count) else { return }
        do {
            let configuration = try ConfigLoader.parse(
                site: ("poled.toml", text), board: (SimulatedPole.boardPath, SimulatedPole.boardText), sources: SimulatedPole.sources
            )
            _ = ConfigReport.text(configuration)
            SimulatedPole.exercise(configuration.poleSettings, reloadedFrom: SimulatedPole.configuration.poleSettings)
        } catch {
            _ = error.description
        }
    }
}
