import PoleDrivers
import PoleHAL
import PoleTesting
import Testing

@Suite struct PMSA003IDriverTests {
    @Test func aPollIsOnePlainThirtyTwoByteRead() throws {
        let mock = I2CMock([.transaction(0x12, [.read(count: 32)], reads: [PMSA003IFrameTests.example])])
        var driver = PMSA003IDriver(bus: mock)
        #expect(try driver.read() == PMSA003IFrameTests.exampleReading)
        mock.done()
    }

    @Test func consecutivePollsAreIndependentReads() throws {
        let second = PMSA003IFrame.encode(PMSA003IFrameTests.distinct)
        let mock = I2CMock([
            .transaction(0x12, [.read(count: 32)], reads: [PMSA003IFrameTests.example]),
            .transaction(0x12, [.read(count: 32)], reads: [second]),
        ])
        var driver = PMSA003IDriver(bus: mock)
        #expect(try driver.read().environmental.pm2_5 == 8)
        #expect(try driver.read() == PMSA003IFrameTests.distinct)
        mock.done()
    }

    @Test func aCorruptFrameIsAnErrorNotAValue() {
        var frame = PMSA003IFrameTests.example
        frame[13] = 0x09
        let mock = I2CMock([.transaction(0x12, [.read(count: 32)], reads: [frame])])
        var driver = PMSA003IDriver(bus: mock)
        #expect(throws: SensorError.pmsa003iFrame(.checksum(computed: 0x02C6, received: 0x02C5))) { try driver.read() }
        mock.done()
    }

    @Test(arguments: [HALError.Kind.nack(.address), .timeout, .bus])
    func busFailuresPassThroughWithTheirKind(kind: HALError.Kind) {
        let mock = I2CMock([.failing(0x12, [.read(count: 32)], kind)])
        var driver = PMSA003IDriver(bus: mock)
        #expect(throws: SensorError.bus(HALError(kind, context: "i2c mock 0x12"))) { try driver.read() }
        mock.done()
    }

    @Test func anotherAddressIsHonoured() throws {
        let mock = I2CMock([.transaction(0x13, [.read(count: 32)], reads: [PMSA003IFrameTests.example])])
        var driver = PMSA003IDriver(bus: mock, address: I2CAddress(0x13))
        _ = try driver.read()
        mock.done()
    }
}
