import FuzzPole
import FuzzSupport
import PoleCore
import PoleRuntime

/// libFuzzer harness: any bytes as a recording, replayed as `poled replay` does on the simulated
/// board's settings (with the header's presence zones, as a recording of another board would have).
@main
enum FuzzRecording {
    static func main() {
        LibFuzzer.run { start, count in
            FuzzRecording.testOneInput(start, count)
            return 0
        }
    }

    private static func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        let bytes = FuzzInput.bytes(start, count)
        guard let header = try? RecordingReplayer.header(of: bytes), header.zones.count <= 16 else { return }
        var settings = SimulatedPole.configuration.poleSettings
        settings.presenceZones = header.zones
        do {
            _ = try RecordingReplayer.replay(bytes, settings: settings).divergence?.description
        } catch {
            _ = error.description
        }
    }
}
