import PoleDrivers
import Testing

@Suite struct SPS30FrameDecodeTests {
    static let sample = SPS30Frame.MeasuredValues(
        pm1: 12.25, pm2_5: 40.5, pm4: 70.125, pm10: 100.75,
        count0_5: 81.0, count1: 95.5, count2_5: 98.25, count4: 98.5, count10: 98.75,
        typicalSizeMicrometres: 0.625
    )

    @Test func measuredValuesRoundTrip() throws {
        let frame = SPS30Frame.encode(Self.sample)
        #expect(frame.count == 60)
        #expect(try SPS30Frame.decodeMeasuredValues(frame).get() == Self.sample)
    }

    @Test func decodesValuesPlacedByHand() throws {
        // Built word by word from the datasheet's order, independent of `encode(_: MeasuredValues)`.
        let floats: [Float] = [1.5, 25, 30, 42, 100, 200, 300, 400, 500, 0.75]
        let frame = SPS30Frame.encode(words: floats.flatMap { [UInt16($0.bitPattern >> 16), UInt16($0.bitPattern & 0xFFFF)] })
        let values = try SPS30Frame.decodeMeasuredValues(frame).get()
        #expect(values.pm1 == 1.5)
        #expect(values.pm2_5 == 25)
        #expect(values.pm4 == 30)
        #expect(values.pm10 == 42)
        #expect(values.count0_5 == 100)
        #expect(values.count1 == 200)
        #expect(values.count2_5 == 300)
        #expect(values.count4 == 400)
        #expect(values.count10 == 500)
        #expect(values.typicalSizeMicrometres == 0.75)
    }

    @Test func decodesDataReadyWords() throws {
        #expect(try SPS30Frame.decodeWords([0x00, 0x01, 0xB0]).get() == [1])
        #expect(try SPS30Frame.decodeWords([0x00, 0x00, 0x81]).get() == [0])
        #expect(try SPS30Frame.decodeWords([]).get() == [])
    }

    @Test(arguments: [2, 5, 29, 59])
    func flippedCRCByteIsACRCErrorAtItsWord(crcIndex: Int) {
        var frame = SPS30Frame.encode(Self.sample)
        let good = frame[crcIndex]
        frame[crcIndex] ^= 0x01
        let expected = SPS30Frame.DecodeError.crc(offset: crcIndex - 2, expected: good, actual: good ^ 0x01)
        #expect(throws: expected) { try SPS30Frame.decodeMeasuredValues(frame).get() }
        #expect(throws: expected) { try SPS30Frame.decodeWords(frame).get() }
    }

    @Test func flippedDataByteIsACRCErrorAtItsWord() {
        var frame = SPS30Frame.encode(words: [0x0000, 0x0001, 0x0000])
        frame[4] = 0x00  // word 1 now reads 0x0000 but still carries 0x0001's CRC 0xB0
        #expect(throws: SPS30Frame.DecodeError.crc(offset: 3, expected: 0x81, actual: 0xB0)) {
            try SPS30Frame.decodeWords(frame).get()
        }
    }

    @Test func theFirstBadWordIsReported() {
        var frame = SPS30Frame.encode(Self.sample)
        frame[8] ^= 0xFF
        frame[20] ^= 0xFF
        guard case .failure(.crc(let offset, _, _)) = SPS30Frame.decodeMeasuredValues(frame) else {
            Issue.record("expected a CRC error")
            return
        }
        #expect(offset == 6)
    }

    @Test(arguments: [0, 3, 30, 57, 59, 61, 63])
    func wrongLengthIsALengthError(count: Int) {
        let twoFrames = SPS30Frame.encode(Self.sample) + SPS30Frame.encode(Self.sample)
        let frame = Array(twoFrames.prefix(count))
        #expect(throws: SPS30Frame.DecodeError.length(expected: 60, actual: count)) {
            try SPS30Frame.decodeMeasuredValues(frame).get()
        }
    }

    @Test func wordsNotInWholeTriplesAreALengthError() {
        #expect(throws: SPS30Frame.DecodeError.length(expected: 6, actual: 4)) {
            try SPS30Frame.decodeWords([0x00, 0x01, 0xB0, 0x00]).get()
        }
        #expect(throws: SPS30Frame.DecodeError.length(expected: 3, actual: 2)) {
            try SPS30Frame.decodeWords([0x00, 0x01]).get()
        }
    }

    @Test func errorDescriptions() {
        #expect(SPS30Frame.DecodeError.length(expected: 60, actual: 59).description == "frame is 59 bytes, expected 60")
        #expect(
            SPS30Frame.DecodeError.crc(offset: 3, expected: 0xB0, actual: 0x4F).description
                == "CRC mismatch in word at byte 3: computed 0xB0, received 0x4F"
        )
    }
}
