import FuzzSupport
import PoleDrivers

/// libFuzzer harness: any bytes as a PMSA003I frame.
///
/// Whatever decodes must encode back to the same 32 bytes: header, length field and checksum are
/// all checked, so nothing of an accepted frame is lost.
@main
enum FuzzPMSA003IFrame {
    static func main() {
        LibFuzzer.run { start, count in
            FuzzPMSA003IFrame.testOneInput(start, count)
            return 0
        }
    }

    private static func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        let bytes = FuzzInput.bytes(start, count)
        switch PMSA003IFrame.decode(bytes) {
        case .success(let reading): precondition(PMSA003IFrame.encode(reading) == bytes, "a frame does not encode back to itself")
        case .failure(let error): _ = error.description
        }
    }
}
