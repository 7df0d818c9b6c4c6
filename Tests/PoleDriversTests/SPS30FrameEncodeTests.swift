import PoleDrivers
import Testing

@Suite struct SPS30FrameEncodeTests {
    @Test func startFloatMeasurementBytesMatchTheDatasheet() {
        #expect(SPS30Command.startFloatMeasurementBytes == [0x00, 0x10, 0x03, 0x00, 0xAC])
    }

    @Test func dataReadyAnswers() {
        #expect(SPS30Frame.encode(words: [1]) == [0x00, 0x01, 0xB0])
        #expect(SPS30Frame.encode(words: [0]) == [0x00, 0x00, 0x81])
    }

    @Test func wordsAreBigEndianEachFollowedByItsCRC() {
        #expect(SPS30Frame.encode(words: [0xBEEF, 0x0300, 0x0002]) == [0xBE, 0xEF, 0x92, 0x03, 0x00, 0xAC, 0x00, 0x02, 0xE3])
        #expect(SPS30Frame.encode(words: []) == [])
    }

    @Test func theSensorsAddressIs0x69() {
        #expect(SPS30Frame.address == 0x69)
    }

    @Test func allZeroMeasuredValuesCarry000081PerWord() {
        let frame = SPS30Frame.encode(SPS30Frame.MeasuredValues(pm1: 0, pm2_5: 0, pm4: 0, pm10: 0))
        #expect(frame.count == SPS30Frame.measuredValuesLength)
        #expect(frame == Array([[UInt8]](repeating: [0x00, 0x00, 0x81], count: 20).joined()))
    }

    @Test func measuredValuesAreBigEndianFloatsHighWordFirstInDatasheetOrder() throws {
        let values = SPS30Frame.MeasuredValues(
            pm1: 1.0, pm2_5: 2.0, pm4: 3.0, pm10: 4.0, count0_5: 5.0, count1: 6.0, count2_5: 7.0, count4: 8.0,
            count10: 9.0, typicalSizeMicrometres: 0.5
        )
        let frame = SPS30Frame.encode(values)
        let words = try SPS30Frame.decodeWords(frame).get()
        let expected: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0.5]
        #expect(words == expected.flatMap { [UInt16($0.bitPattern >> 16), UInt16($0.bitPattern & 0xFFFF)] })
        // 1.0f is 0x3F800000: the first word on the wire is 0x3F80.
        #expect(Array(frame.prefix(6)) == [0x3F, 0x80, SensirionCRC.crc8([0x3F, 0x80]), 0x00, 0x00, 0x81])
    }
}
