import PoleDrivers
import PoleHAL
import PoleTesting
import Testing

@Suite struct SPS30DriverMeasurementTests {
    @Test func startSendsTheDatasheetBytesAndIsReadyTwentyMillisecondsLater() throws {
        let mock = I2CMock([.transaction(0x69, [.write([0x00, 0x10, 0x03, 0x00, 0xAC])])])
        var driver = SPS30Driver(bus: mock)
        #expect(!driver.isMeasuring)
        #expect(try driver.startMeasurement(nowMs: 1_000) == 1_020)
        #expect(driver.readyAtMs == 1_020)
        #expect(driver.isMeasuring)
        mock.done()
    }

    @Test func dataReadyIsACommandThenASeparateRead() throws {
        let mock = I2CMock([
            .transaction(0x69, [.write([0x02, 0x02])]),
            .transaction(0x69, [.read(count: 3)], reads: [[0x00, 0x01, 0xB0]]),
            .transaction(0x69, [.write([0x02, 0x02])]),
            .transaction(0x69, [.read(count: 3)], reads: [[0x00, 0x00, 0x81]]),
        ])
        var driver = SPS30Driver(bus: mock)
        #expect(try driver.readDataReady(nowMs: 0))
        #expect(try !driver.readDataReady(nowMs: 0))
        mock.done()
    }

    @Test func measuredValuesAreSixtyBytesReadAfterTheCommand() throws {
        let mock = I2CMock([
            .transaction(0x69, [.write([0x03, 0x00])]),
            .transaction(0x69, [.read(count: 60)], reads: [SPS30Frame.encode(SPS30FrameDecodeTests.sample)]),
        ])
        var driver = SPS30Driver(bus: mock)
        #expect(try driver.readMeasuredValues(nowMs: 0) == SPS30FrameDecodeTests.sample)
        mock.done()
    }

    @Test func anAllZeroFrameIsZeroValues() throws {
        let zeros = Array([[UInt8]](repeating: [0x00, 0x00, 0x81], count: 20).joined())
        let mock = I2CMock([
            .transaction(0x69, [.write([0x03, 0x00])]),
            .transaction(0x69, [.read(count: 60)], reads: [zeros]),
        ])
        var driver = SPS30Driver(bus: mock)
        #expect(try driver.readMeasuredValues(nowMs: 0) == SPS30Frame.MeasuredValues(pm1: 0, pm2_5: 0, pm4: 0, pm10: 0))
        mock.done()
    }

    @Test func stopSendsItsPointerAndIsReadyTwentyMillisecondsLater() throws {
        let mock = I2CMock([
            .transaction(0x69, [.write([0x00, 0x10, 0x03, 0x00, 0xAC])]),
            .transaction(0x69, [.write([0x01, 0x04])]),
        ])
        var driver = SPS30Driver(bus: mock)
        _ = try driver.startMeasurement(nowMs: 0)
        #expect(try driver.stopMeasurement(nowMs: 500) == 520)
        #expect(!driver.isMeasuring)
        mock.done()
    }

    /// The start-up sequence of a typical poll: start, wait, poll data-ready until set, read values.
    @Test func aFullPollCycleHonoursEveryWait() throws {
        let mock = I2CMock([
            .transaction(0x69, [.write([0x00, 0x10, 0x03, 0x00, 0xAC])]),
            .transaction(0x69, [.write([0x02, 0x02])]),
            .transaction(0x69, [.read(count: 3)], reads: [[0x00, 0x00, 0x81]]),
            .transaction(0x69, [.write([0x02, 0x02])]),
            .transaction(0x69, [.read(count: 3)], reads: [[0x00, 0x01, 0xB0]]),
            .transaction(0x69, [.write([0x03, 0x00])]),
            .transaction(0x69, [.read(count: 60)], reads: [SPS30Frame.encode(SPS30FrameDecodeTests.sample)]),
        ])
        var driver = SPS30Driver(bus: mock)
        let ready = try driver.startMeasurement(nowMs: 0)
        #expect(try !driver.readDataReady(nowMs: ready))
        #expect(try driver.readDataReady(nowMs: ready + 1_000))
        #expect(try driver.readMeasuredValues(nowMs: ready + 1_000).pm2_5 == 40.5)
        mock.done()
    }

    @Test func anotherAddressIsHonoured() throws {
        let mock = I2CMock([.transaction(0x6A, [.write([0x00, 0x10, 0x03, 0x00, 0xAC])])])
        var driver = SPS30Driver(bus: mock, address: I2CAddress(0x6A))
        _ = try driver.startMeasurement(nowMs: 0)
        mock.done()
    }
}
