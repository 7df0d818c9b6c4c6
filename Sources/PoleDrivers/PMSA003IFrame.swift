/// Encoding and decoding of the Plantower PMSA003I's 32-byte frame: pure functions, no bus.
///
/// The sensor takes no commands; every plain read returns one frame: `42 4D`, the frame length 28 as a
/// big-endian word, 13 big-endian words (PM1/2.5/10 "standard" CF=1, PM1/2.5/10 "environmental",
/// six particle counts, then version and error code as two bytes) and the 16-bit sum of bytes 0–29.
/// A frame that fails its header, length or checksum is an error naming what failed, never a value.
/// Used by the driver to read a real sensor and by the simulator to answer as one.
public enum PMSA003IFrame {
    /// The sensor's fixed I²C address.
    public static let address: UInt8 = 0x12
    /// Bytes in one frame.
    public static let length = 32
    /// The first two bytes of every frame.
    public static let header: (UInt8, UInt8) = (0x42, 0x4D)
    /// The value of the frame-length word: 13 data words and the checksum word.
    public static let lengthField: UInt16 = 28

    /// Why a frame from the sensor was rejected.
    public enum DecodeError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The read returned a number of bytes other than 32.
        case length(expected: Int, actual: Int)
        /// Bytes 0–1 are not `42 4D`: the read did not start at a frame, or the sensor is not answering.
        case header(first: UInt8, second: UInt8)
        /// Bytes 2–3 do not say 28.
        case lengthField(expected: UInt16, actual: UInt16)
        /// Bytes 30–31 are not the sum of bytes 0–29.
        case checksum(computed: UInt16, received: UInt16)

        public var description: String {
            switch self {
            case .length(let expected, let actual): "frame is \(actual) bytes, expected \(expected)"
            case .header(let first, let second):
                "header is \(hex(first)) \(hex(second)), expected 0x42 0x4D"
            case .lengthField(let expected, let actual): "frame length field is \(actual), expected \(expected)"
            case .checksum(let computed, let received):
                "checksum mismatch: computed \(hex(computed)), received \(hex(received))"
            }
        }

        private func hex<Value: BinaryInteger>(_ value: Value) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            let width = MemoryLayout<Value>.size * 2
            return "0x" + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
    }

    /// Mass concentrations in µg/m³.
    public struct MassConcentrations: Sendable, Hashable {
        public var pm1: UInt16
        public var pm2_5: UInt16
        public var pm10: UInt16

        public init(pm1: UInt16, pm2_5: UInt16, pm10: UInt16) {
            self.pm1 = pm1
            self.pm2_5 = pm2_5
            self.pm10 = pm10
        }
    }

    /// One frame's values. Counts are particles larger than the size, per 0.1 L of air.
    public struct Reading: Sendable, Hashable {
        /// Factory-calibrated values (CF=1), meant for indoor reference particles.
        public var standard: MassConcentrations
        /// Atmospheric values: the ones to use outdoors.
        public var environmental: MassConcentrations
        public var count0_3: UInt16
        public var count0_5: UInt16
        public var count1: UInt16
        public var count2_5: UInt16
        public var count5: UInt16
        public var count10: UInt16
        public var version: UInt8
        /// The sensor's error code; 0 when it reports none.
        public var errorCode: UInt8

        public init(
            standard: MassConcentrations, environmental: MassConcentrations,
            count0_3: UInt16 = 0, count0_5: UInt16 = 0, count1: UInt16 = 0, count2_5: UInt16 = 0,
            count5: UInt16 = 0, count10: UInt16 = 0, version: UInt8 = 0, errorCode: UInt8 = 0
        ) {
            self.standard = standard
            self.environmental = environmental
            self.count0_3 = count0_3
            self.count0_5 = count0_5
            self.count1 = count1
            self.count2_5 = count2_5
            self.count5 = count5
            self.count10 = count10
            self.version = version
            self.errorCode = errorCode
        }
    }

    /// The 16-bit sum of bytes 0–29, as the sensor computes it.
    public static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt16 {
        bytes.reduce(0) { $0 &+ UInt16($1) }
    }

    /// The frame the sensor sends for `reading`.
    public static func encode(_ reading: Reading) -> [UInt8] {
        let words: [UInt16] = [
            lengthField,
            reading.standard.pm1, reading.standard.pm2_5, reading.standard.pm10,
            reading.environmental.pm1, reading.environmental.pm2_5, reading.environmental.pm10,
            reading.count0_3, reading.count0_5, reading.count1, reading.count2_5, reading.count5, reading.count10,
            UInt16(reading.version) << 8 | UInt16(reading.errorCode),
        ]
        var bytes: [UInt8] = [header.0, header.1]
        bytes.reserveCapacity(length)
        for word in words {
            bytes += [UInt8(word >> 8), UInt8(word & 0xFF)]
        }
        let sum = checksum(bytes[...])
        bytes += [UInt8(sum >> 8), UInt8(sum & 0xFF)]
        return bytes
    }

    /// Decodes one frame, checking length, header, frame-length field and checksum in that order.
    public static func decode(_ bytes: [UInt8]) -> Result<Reading, DecodeError> {
        guard bytes.count == length else { return .failure(.length(expected: length, actual: bytes.count)) }
        guard bytes[0] == header.0, bytes[1] == header.1 else {
            return .failure(.header(first: bytes[0], second: bytes[1]))
        }
        func word(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1]) }
        guard word(2) == lengthField else { return .failure(.lengthField(expected: lengthField, actual: word(2))) }
        let computed = checksum(bytes[0..<30])
        guard computed == word(30) else { return .failure(.checksum(computed: computed, received: word(30))) }
        return .success(Reading(
            standard: MassConcentrations(pm1: word(4), pm2_5: word(6), pm10: word(8)),
            environmental: MassConcentrations(pm1: word(10), pm2_5: word(12), pm10: word(14)),
            count0_3: word(16), count0_5: word(18), count1: word(20), count2_5: word(22), count5: word(24),
            count10: word(26), version: bytes[28], errorCode: bytes[29]
        ))
    }
}
