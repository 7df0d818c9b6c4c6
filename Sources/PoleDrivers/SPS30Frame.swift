/// Encoding and decoding of the Sensirion SPS30's I²C frames: pure functions, no bus.
///
/// Every 2-byte data word in either direction is followed by its CRC-8; command pointers are sent
/// without one. A CRC mismatch is an error, never a value. Used by the driver to talk to a real sensor
/// and by the simulator to answer as one.
public enum SPS30Frame {
    /// The sensor's fixed I²C address.
    public static let address: UInt8 = 0x69

    /// Why a frame from the sensor was rejected.
    public enum DecodeError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The frame's length is not what the command returns.
        case length(expected: Int, actual: Int)
        /// The CRC of the word starting at byte `offset` does not match.
        case crc(offset: Int, expected: UInt8, actual: UInt8)

        public var description: String {
            switch self {
            case .length(let expected, let actual): "frame is \(actual) bytes, expected \(expected)"
            case .crc(let offset, let expected, let actual):
                "CRC mismatch in word at byte \(offset): computed \(hex(expected)), received \(hex(actual))"
            }
        }

        private func hex(_ byte: UInt8) -> String {
            "0x" + String(byte, radix: 16, uppercase: true)
        }
    }

    /// Mass concentrations in µg/m³, number concentrations in #/cm³ and typical particle size in µm,
    /// in the order the sensor sends them (float format).
    public struct MeasuredValues: Sendable, Hashable {
        public var pm1: Float
        public var pm2_5: Float
        public var pm4: Float
        public var pm10: Float
        public var count0_5: Float
        public var count1: Float
        public var count2_5: Float
        public var count4: Float
        public var count10: Float
        public var typicalSizeMicrometres: Float

        public init(
            pm1: Float, pm2_5: Float, pm4: Float, pm10: Float,
            count0_5: Float = 0, count1: Float = 0, count2_5: Float = 0, count4: Float = 0, count10: Float = 0,
            typicalSizeMicrometres: Float = 0
        ) {
            self.pm1 = pm1
            self.pm2_5 = pm2_5
            self.pm4 = pm4
            self.pm10 = pm10
            self.count0_5 = count0_5
            self.count1 = count1
            self.count2_5 = count2_5
            self.count4 = count4
            self.count10 = count10
            self.typicalSizeMicrometres = typicalSizeMicrometres
        }

        fileprivate var all: [Float] {
            [pm1, pm2_5, pm4, pm10, count0_5, count1, count2_5, count4, count10, typicalSizeMicrometres]
        }
    }

    /// Length of a float-format measured-values frame: 10 floats × 2 words × 3 bytes.
    public static let measuredValuesLength = 60

    /// The bytes of `words`, each followed by its CRC.
    public static func encode(words: [UInt16]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.count * 3)
        for word in words {
            append(word, to: &bytes)
        }
        return bytes
    }

    /// Appends `word`, high byte first, and its CRC.
    private static func append(_ word: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(word >> 8))
        bytes.append(UInt8(word & 0xFF))
        bytes.append(SensirionCRC.crc8(word: word))
    }

    /// The words of a frame, each CRC checked.
    public static func decodeWords(_ bytes: [UInt8]) -> Result<[UInt16], DecodeError> {
        guard bytes.count % 3 == 0 else {
            return .failure(.length(expected: (bytes.count / 3 + 1) * 3, actual: bytes.count))
        }
        var words: [UInt16] = []
        words.reserveCapacity(bytes.count / 3)
        for offset in stride(from: 0, to: bytes.count, by: 3) {
            let expected = SensirionCRC.crc8(bytes[offset..<offset + 2])
            guard expected == bytes[offset + 2] else {
                return .failure(.crc(offset: offset, expected: expected, actual: bytes[offset + 2]))
            }
            words.append(UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1]))
        }
        return .success(words)
    }

    /// The frame the sensor answers to "read measured values" in float format.
    public static func encode(_ values: MeasuredValues) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(measuredValuesLength)
        for value in values.all {
            let bits = value.bitPattern
            append(UInt16(bits >> 16), to: &bytes)
            append(UInt16(bits & 0xFFFF), to: &bytes)
        }
        return bytes
    }

    /// Decodes a float-format "read measured values" frame.
    public static func decodeMeasuredValues(_ bytes: [UInt8]) -> Result<MeasuredValues, DecodeError> {
        guard bytes.count == measuredValuesLength else {
            return .failure(.length(expected: measuredValuesLength, actual: bytes.count))
        }
        return decodeWords(bytes).map { words in
            let f = stride(from: 0, to: words.count, by: 2).map { i in
                Float(bitPattern: UInt32(words[i]) << 16 | UInt32(words[i + 1]))
            }
            return MeasuredValues(
                pm1: f[0], pm2_5: f[1], pm4: f[2], pm10: f[3],
                count0_5: f[4], count1: f[5], count2_5: f[6], count4: f[7], count10: f[8],
                typicalSizeMicrometres: f[9]
            )
        }
    }
}
