import FuzzSupport
import PoleDrivers

/// libFuzzer harness: any bytes as an SPS30 answer, decoded as words and as measured values.
///
/// Whatever decodes must encode back to the same bytes: the CRC accepted what it computes.
@main
enum FuzzSPS30Frame {
    static func main() {
        LibFuzzer.run { start, count in
            FuzzSPS30Frame.testOneInput(start, count)
            return 0
        }
    }

    private static func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        let bytes = FuzzInput.bytes(start, count)
        if case .success(let words) = SPS30Frame.decodeWords(bytes) {
            precondition(SPS30Frame.encode(words: words) == bytes, "words do not encode back to their frame")
            if words.count == 2 { _ = SPS30Status(register: UInt32(words[0]) << 16 | UInt32(words[1])) }
        }
        switch SPS30Frame.decodeMeasuredValues(bytes) {
        case .success(let values): precondition(SPS30Frame.encode(values) == bytes, "measured values do not encode back to their frame")
        case .failure(let error): _ = error.description
        }
    }
}
