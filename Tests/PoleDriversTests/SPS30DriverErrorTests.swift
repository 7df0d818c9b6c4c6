import PoleDrivers
import PoleHAL
import PoleTesting
import Testing

@Suite struct SPS30DriverErrorTests {
    @Test(arguments: [HALError.Kind.nack(.address), .nack(.data), .nack(.unknown), .timeout, .arbitrationLoss])
    func aFailedCommandPassesTheHALErrorThroughAndChangesNoState(kind: HALError.Kind) {
        let mock = I2CMock([.failing(0x69, [.write([0x00, 0x10, 0x03, 0x00, 0xAC])], kind)])
        var driver = SPS30Driver(bus: mock)
        #expect(throws: SensorError.bus(HALError(kind, context: "i2c mock 0x69"))) {
            try driver.startMeasurement(nowMs: 0)
        }
        #expect(!driver.isMeasuring)
        #expect(driver.readyAtMs == .min)
        mock.done()
    }

    @Test func aTimeoutOnTheReadPassesThrough() {
        let mock = I2CMock([
            .transaction(0x69, [.write([0x03, 0x00])]),
            .failing(0x69, [.read(count: 60)], .timeout),
        ])
        var driver = SPS30Driver(bus: mock)
        #expect(throws: SensorError.bus(HALError(.timeout, context: "i2c mock 0x69"))) {
            try driver.readMeasuredValues(nowMs: 0)
        }
        #expect(SensorError.bus(HALError(.timeout, context: "i2c mock 0x69")).name == "timeout")
        mock.done()
    }

    @Test func aNACKOnTheStatusReadPassesThrough() throws {
        let mock = I2CMock([
            .transaction(0x69, [.write([0xD2, 0x06])]),
            .failing(0x69, [.read(count: 6)], .nack(.address)),
        ])
        var driver = SPS30Driver(bus: mock)
        let ready = try driver.requestStatus(nowMs: 0)
        #expect(throws: SensorError.bus(HALError(.nack(.address), context: "i2c mock 0x69"))) {
            try driver.readStatus(nowMs: ready)
        }
        mock.done()
    }

    @Test func aBadDataReadyCRCIsAnError() {
        let mock = I2CMock([
            .transaction(0x69, [.write([0x02, 0x02])]),
            .transaction(0x69, [.read(count: 3)], reads: [[0x00, 0x01, 0x81]]),
        ])
        var driver = SPS30Driver(bus: mock)
        #expect(throws: SensorError.sps30Frame(.crc(offset: 0, expected: 0xB0, actual: 0x81))) {
            try driver.readDataReady(nowMs: 0)
        }
        #expect(SensorError.sps30Frame(.crc(offset: 0, expected: 0xB0, actual: 0x81)).name == "crc")
        mock.done()
    }

    @Test func aDataReadyWordOtherThanZeroOrOneIsAnError() {
        let mock = I2CMock([
            .transaction(0x69, [.write([0x02, 0x02])]),
            .transaction(0x69, [.read(count: 3)], reads: [[0x00, 0x02, 0xE3]]),
        ])
        var driver = SPS30Driver(bus: mock)
        #expect(throws: SensorError.unexpectedAnswer("SPS30 data-ready word is 2, expected 0 or 1")) {
            try driver.readDataReady(nowMs: 0)
        }
        mock.done()
    }

    @Test(arguments: [2, 29, 59])
    func aBadCRCInMeasuredValuesIsAnErrorNotAValue(crcIndex: Int) {
        var frame = SPS30Frame.encode(SPS30FrameDecodeTests.sample)
        let good = frame[crcIndex]
        frame[crcIndex] ^= 0x01
        let mock = I2CMock([
            .transaction(0x69, [.write([0x03, 0x00])]),
            .transaction(0x69, [.read(count: 60)], reads: [frame]),
        ])
        var driver = SPS30Driver(bus: mock)
        #expect(throws: SensorError.sps30Frame(.crc(offset: crcIndex - 2, expected: good, actual: good ^ 0x01))) {
            try driver.readMeasuredValues(nowMs: 0)
        }
        mock.done()
    }

    @Test func aBadCRCInTheStatusIsAnError() throws {
        let mock = I2CMock([
            .transaction(0x69, [.write([0xD2, 0x06])]),
            .transaction(0x69, [.read(count: 6)], reads: [[0x00, 0x00, 0x81, 0x00, 0x10, 0xC3]]),
        ])
        var driver = SPS30Driver(bus: mock)
        let ready = try driver.requestStatus(nowMs: 0)
        #expect(throws: SensorError.sps30Frame(.crc(offset: 3, expected: 0xC2, actual: 0xC3))) {
            try driver.readStatus(nowMs: ready)
        }
        mock.done()
    }

    @Test func aShortReadIsALengthError() {
        let frame = Array(SPS30Frame.encode(SPS30FrameDecodeTests.sample).prefix(57))
        let mock = I2CMock([
            .transaction(0x69, [.write([0x03, 0x00])]),
            .transaction(0x69, [.read(count: 60)], reads: [frame]),
        ])
        var driver = SPS30Driver(bus: mock)
        #expect(throws: SensorError.sps30Frame(.length(expected: 60, actual: 57))) {
            try driver.readMeasuredValues(nowMs: 0)
        }
        mock.done()
    }

    @Test func errorNamesAndDescriptions() {
        let nack = SensorError.bus(HALError(.nack(.address), context: "i2c 0x69"))
        #expect(nack.name == "nack(address)")
        #expect(nack.description == "i2c 0x69: nack(address)")
        #expect(SensorError.sps30Frame(.length(expected: 60, actual: 57)).name == "length")
        #expect(SensorError.sps30Frame(.length(expected: 60, actual: 57)).description == "SPS30 frame is 57 bytes, expected 60")
        #expect(SensorError.pmsa003iFrame(.header(first: 0, second: 0)).name == "header")
        #expect(SensorError.pmsa003iFrame(.lengthField(expected: 28, actual: 0)).name == "length")
        #expect(SensorError.pmsa003iFrame(.checksum(computed: 1, received: 2)).name == "checksum")
        #expect(SensorError.pmsa003iFrame(.checksum(computed: 1, received: 2)).description == "PMSA003I checksum mismatch: computed 0x0001, received 0x0002")
        #expect(SensorError.unexpectedAnswer("x").name == "unexpected-answer")
    }
}
