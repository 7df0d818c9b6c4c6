/// The BH1750's addresses and measurement result: pure functions, no bus.
///
/// A measurement is two bytes, high byte first, of raw counts; at the default measurement time
/// (MTreg 69) in high-resolution mode one count is 1/1.2 lx (datasheet: "(High Byte + Low Byte) / 1.2"),
/// so the sensor spans 0 to 54 612.5 lx.
public enum BH1750Frame {
    /// The address with the ADDR pin low (or open on most breakout boards): 0x23.
    public static let addressPinLow: UInt8 = 0x23
    /// The address with the ADDR pin high: 0x5C.
    public static let addressPinHigh: UInt8 = 0x5C
    /// Length of a measurement result in bytes.
    public static let measurementLength = 2
    /// Counts per lux in high-resolution mode at the default MTreg of 69.
    public static let countsPerLux = 1.2

    /// Why a result from the sensor was rejected.
    public enum DecodeError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The result is not two bytes.
        case length(expected: Int, actual: Int)

        public var description: String {
            switch self {
            case .length(let expected, let actual): "result is \(actual) bytes, expected \(expected)"
            }
        }
    }

    /// The raw counts of a two-byte result, high byte first.
    public static func decodeCounts(_ bytes: [UInt8]) -> Result<UInt16, DecodeError> {
        guard bytes.count == measurementLength else {
            return .failure(.length(expected: measurementLength, actual: bytes.count))
        }
        return .success(UInt16(bytes[0]) << 8 | UInt16(bytes[1]))
    }

    /// Illuminance for `counts` in high-resolution mode at the default MTreg, in lux.
    public static func lux(counts: UInt16) -> Double {
        Double(counts) / countsPerLux
    }

    /// Illuminance of a two-byte result, in lux.
    public static func decodeLux(_ bytes: [UInt8]) -> Result<Double, DecodeError> {
        decodeCounts(bytes).map(lux(counts:))
    }
}
