import PoleDrivers
import Testing

@Suite struct PMSA003IFrameTests {
    /// The real capture from docs/sensors.md, "Plantower PMSA003I".
    static let example: [UInt8] = [
        0x42, 0x4D, 0x00, 0x1C, 0x00, 0x00, 0x00, 0x08, 0x00, 0x08, 0x00, 0x00, 0x00, 0x08, 0x00, 0x08,
        0x00, 0xD2, 0x00, 0x46, 0x00, 0x2D, 0x00, 0x1E, 0x00, 0x00, 0x00, 0x00, 0x97, 0x00, 0x02, 0xC5,
    ]

    static let exampleReading = PMSA003IFrame.Reading(
        standard: .init(pm1: 0, pm2_5: 8, pm10: 8),
        environmental: .init(pm1: 0, pm2_5: 8, pm10: 8),
        count0_3: 210, count0_5: 70, count1: 45, count2_5: 30, count5: 0, count10: 0,
        version: 0x97, errorCode: 0
    )

    /// Every field distinct, so a swapped field cannot pass.
    static let distinct = PMSA003IFrame.Reading(
        standard: .init(pm1: 0x0102, pm2_5: 0x0304, pm10: 0x0506),
        environmental: .init(pm1: 0x0708, pm2_5: 0x090A, pm10: 0x0B0C),
        count0_3: 0x0D0E, count0_5: 0x0F10, count1: 0x1112, count2_5: 0x1314, count5: 0x1516, count10: 0x1718,
        version: 0x19, errorCode: 0x1A
    )

    @Test func decodesTheExampleCapture() throws {
        #expect(try PMSA003IFrame.decode(Self.example).get() == Self.exampleReading)
    }

    @Test func encodesTheExampleCaptureByteForByte() {
        #expect(PMSA003IFrame.encode(Self.exampleReading) == Self.example)
    }

    @Test func fieldsSitAtTheirDatasheetOffsetsBigEndian() {
        let frame = PMSA003IFrame.encode(Self.distinct)
        #expect(frame.count == 32)
        #expect(Array(frame[0..<4]) == [0x42, 0x4D, 0x00, 0x1C])
        #expect(Array(frame[4..<30]) == Array(1...0x1A))
        let sum = (1...0x1A).reduce(0x42 + 0x4D + 0x1C) { $0 + $1 }
        #expect(Array(frame[30..<32]) == [UInt8(sum >> 8), UInt8(sum & 0xFF)])
    }

    @Test(arguments: [
        PMSA003IFrameTests.distinct,
        PMSA003IFrame.Reading(standard: .init(pm1: 0, pm2_5: 0, pm10: 0), environmental: .init(pm1: 0, pm2_5: 0, pm10: 0)),
        PMSA003IFrame.Reading(
            standard: .init(pm1: .max, pm2_5: .max, pm10: .max), environmental: .init(pm1: .max, pm2_5: .max, pm10: .max),
            count0_3: .max, count0_5: .max, count1: .max, count2_5: .max, count5: .max, count10: .max,
            version: .max, errorCode: .max
        ),
    ])
    func roundTrips(reading: PMSA003IFrame.Reading) throws {
        #expect(try PMSA003IFrame.decode(PMSA003IFrame.encode(reading)).get() == reading)
    }

    /// One corrupted byte anywhere is an error naming the first check it breaks, never a value.
    @Test(arguments: 0..<32)
    func aCorruptedByteAtEveryPositionIsRejected(position: Int) {
        var frame = Self.example
        frame[position] ^= 0x10
        let expected: PMSA003IFrame.DecodeError = switch position {
        case 0, 1: .header(first: frame[0], second: frame[1])
        case 2, 3: .lengthField(expected: 28, actual: UInt16(frame[2]) << 8 | UInt16(frame[3]))
        case 4..<30: .checksum(computed: UInt16(0x02C5 - Int(Self.example[position]) + Int(frame[position])), received: 0x02C5)
        default: .checksum(computed: 0x02C5, received: UInt16(frame[30]) << 8 | UInt16(frame[31]))
        }
        #expect(throws: expected) { try PMSA003IFrame.decode(frame).get() }
    }

    @Test(arguments: [0, 1, 31, 33, 64])
    func wrongByteCountIsALengthError(count: Int) {
        let frame = Array((Self.example + Self.example).prefix(count))
        #expect(throws: PMSA003IFrame.DecodeError.length(expected: 32, actual: count)) {
            try PMSA003IFrame.decode(frame).get()
        }
    }

    @Test func aSilentBusIsAHeaderErrorNotZeros() {
        #expect(throws: PMSA003IFrame.DecodeError.header(first: 0x00, second: 0x00)) {
            try PMSA003IFrame.decode([UInt8](repeating: 0x00, count: 32)).get()
        }
        #expect(throws: PMSA003IFrame.DecodeError.header(first: 0xFF, second: 0xFF)) {
            try PMSA003IFrame.decode([UInt8](repeating: 0xFF, count: 32)).get()
        }
    }

    @Test func theChecksumIsTheSixteenBitSumOfTheFirstThirtyBytes() {
        #expect(PMSA003IFrame.checksum(Self.example[0..<30]) == 0x02C5)
    }

    @Test func errorDescriptionsNameWhatFailed() {
        #expect(PMSA003IFrame.DecodeError.length(expected: 32, actual: 31).description == "frame is 31 bytes, expected 32")
        #expect(PMSA003IFrame.DecodeError.header(first: 0x42, second: 0x5D).description == "header is 0x42 0x5D, expected 0x42 0x4D")
        #expect(PMSA003IFrame.DecodeError.lengthField(expected: 28, actual: 12).description == "frame length field is 12, expected 28")
        #expect(
            PMSA003IFrame.DecodeError.checksum(computed: 0x02C5, received: 0x02D5).description
                == "checksum mismatch: computed 0x02C5, received 0x02D5"
        )
    }

    @Test func theSensorsAddressIs0x12() {
        #expect(PMSA003IFrame.address == 0x12)
    }
}
