import FuzzSupport
import PoleDrivers

/// libFuzzer harness: any bytes as a BH1750 measurement result.
///
/// A result decodes only at its length, to the counts it carries, and to a finite illuminance within
/// the sensor's range (0 to 65 535 / 1.2 lx).
@main
enum FuzzBH1750Frame {
    static func main() {
        LibFuzzer.run { start, count in
            FuzzBH1750Frame.testOneInput(start, count)
            return 0
        }
    }

    private static func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        let bytes = FuzzInput.bytes(start, count)
        switch BH1750Frame.decodeLux(bytes) {
        case .success(let lux):
            precondition(bytes.count == BH1750Frame.measurementLength, "a result of \(bytes.count) bytes decoded")
            precondition(lux == BH1750Frame.lux(counts: UInt16(bytes[0]) << 8 | UInt16(bytes[1])), "counts are not high byte first")
            precondition(lux.isFinite && lux >= 0 && lux <= 65_535 / BH1750Frame.countsPerLux, "illuminance \(lux) lx is out of range")
        case .failure(let error):
            _ = error.description
        }
    }
}
