import PoleDrivers
import PoleHAL
import PoleTesting
import Testing

@Suite struct SPS30DriverMaintenanceTests {
    static let start: I2CMock.Expectation = .transaction(0x69, [.write([0x00, 0x10, 0x03, 0x00, 0xAC])])

    @Test func fanCleaningIsItsPointerAndFiveMilliseconds() throws {
        let mock = I2CMock([Self.start, .transaction(0x69, [.write([0x56, 0x07])])])
        var driver = SPS30Driver(bus: mock)
        _ = try driver.startMeasurement(nowMs: 0)
        #expect(try driver.startFanCleaning(nowMs: 100) == 105)
        #expect(driver.isMeasuring)
        mock.done()
    }

    /// 0xD206, 5 ms, then a separate read of two words. Bits 21, 5 and 4 are kept; bits 0 and 31 are
    /// ignored. Register 0x80200031.
    @Test func statusIsReadWithD206AndFiveMillisecondsBetweenCommandAndRead() throws {
        let mock = I2CMock([
            .transaction(0x69, [.write([0xD2, 0x06])]),
            .transaction(0x69, [.read(count: 6)], reads: [[0x80, 0x20, 0x24, 0x00, 0x31, 0x75]]),
        ])
        var driver = SPS30Driver(bus: mock)
        let ready = try driver.requestStatus(nowMs: 40)
        #expect(ready == 45)
        let status = try driver.readStatus(nowMs: ready)
        #expect(status == [.fanSpeedOutOfRange, .laserCurrentOutOfRange, .fanStopped])
        #expect(status.rawValue == 0x0020_0030)
        mock.done()
    }

    @Test func aFanOnlyStatus() throws {
        let mock = I2CMock([
            .transaction(0x69, [.write([0xD2, 0x06])]),
            .transaction(0x69, [.read(count: 6)], reads: [[0x00, 0x00, 0x81, 0x00, 0x10, 0xC2]]),
        ])
        var driver = SPS30Driver(bus: mock)
        let status = try driver.readStatus(nowMs: driver.requestStatus(nowMs: 0))
        #expect(status == .fanStopped)
        #expect(!status.contains(.laserCurrentOutOfRange))
        mock.done()
    }

    /// 0xD210 is a write and nothing else: no read follows it.
    @Test func clearingTheStatusIsItsPointerAloneAndFiveMilliseconds() throws {
        let mock = I2CMock([.transaction(0x69, [.write([0xD2, 0x10])])])
        var driver = SPS30Driver(bus: mock)
        #expect(try driver.clearStatus(nowMs: 7) == 12)
        mock.done()
    }

    @Test func statusFlagsAreTheDatasheetBits() {
        #expect(SPS30Status.fanSpeedOutOfRange.rawValue == 1 << 21)
        #expect(SPS30Status.laserCurrentOutOfRange.rawValue == 1 << 5)
        #expect(SPS30Status.fanStopped.rawValue == 1 << 4)
        #expect(SPS30Status(register: 0xFFFF_FFFF) == .all)
        #expect(SPS30Status(register: 0xFFDF_FFCF) == [])
    }

    /// 604 800 s = 0x0009_3A80: words 0x0009 and 0x3A80, each with its CRC.
    @Test func writingTheAutoCleaningIntervalSendsTwoWordsAndTakesTwentyMilliseconds() throws {
        let mock = I2CMock([.transaction(0x69, [.write([0x80, 0x04, 0x00, 0x09, 0x09, 0x3A, 0x80, 0xA7])])])
        var driver = SPS30Driver(bus: mock)
        #expect(try driver.writeAutoCleaningInterval(seconds: 604_800, nowMs: 7) == 27)
        mock.done()
    }

    /// 345 600 s (four days) = 0x0005_4600.
    @Test func readingTheAutoCleaningIntervalIsARequestThenARead() throws {
        let mock = I2CMock([
            .transaction(0x69, [.write([0x80, 0x04])]),
            .transaction(0x69, [.read(count: 6)], reads: [[0x00, 0x05, 0x74, 0x46, 0x00, 0x52]]),
        ])
        var driver = SPS30Driver(bus: mock)
        let ready = try driver.requestAutoCleaningInterval(nowMs: 0)
        #expect(ready == 20)
        #expect(try driver.readAutoCleaningInterval(nowMs: ready) == 345_600)
        mock.done()
    }

    @Test func serialNumberIsASCIIUpToTheFirstNUL() throws {
        let serial: [UInt8] = [
            0x38, 0x41, 0x08, 0x33, 0x46, 0x85, 0x36, 0x43, 0x07, 0x31, 0x44, 0x3E, 0x32, 0x45, 0x22, 0x34,
            0x42, 0xEF, 0x35, 0x41, 0x48, 0x36, 0x30, 0xAC,
        ] + Array([[UInt8]](repeating: [0x00, 0x00, 0x81], count: 8).joined())
        let mock = I2CMock([
            .transaction(0x69, [.write([0xD0, 0x33])]),
            .transaction(0x69, [.read(count: 48)], reads: [serial]),
        ])
        var driver = SPS30Driver(bus: mock)
        #expect(try driver.readSerialNumber(nowMs: 0) == "8A3F6C1D2E4B5A60")
        mock.done()
    }

    @Test func aSerialNumberWithControlBytesIsRejected() {
        let serial = SPS30Frame.encode(words: [0x3801] + [UInt16](repeating: 0, count: 15))
        let mock = I2CMock([
            .transaction(0x69, [.write([0xD0, 0x33])]),
            .transaction(0x69, [.read(count: 48)], reads: [serial]),
        ])
        var driver = SPS30Driver(bus: mock)
        #expect(throws: SensorError.unexpectedAnswer("SPS30 serial number holds byte 1, not printable ASCII")) {
            try driver.readSerialNumber(nowMs: 0)
        }
        mock.done()
    }

    @Test func firmwareVersionIsMajorThenMinor() throws {
        let mock = I2CMock([
            .transaction(0x69, [.write([0xD1, 0x00])]),
            .transaction(0x69, [.read(count: 3)], reads: [[0x02, 0x03, 0x0B]]),
        ])
        var driver = SPS30Driver(bus: mock)
        let version = try driver.readFirmwareVersion(nowMs: 0)
        #expect(version == SPS30FirmwareVersion(major: 2, minor: 3))
        #expect(version.description == "2.3")
        #expect(version > SPS30FirmwareVersion(major: 2, minor: 2))
        #expect(version < SPS30FirmwareVersion(major: 3, minor: 0))
        mock.done()
    }

    @Test func resetStopsMeasuringAndTakesOneHundredMilliseconds() throws {
        let mock = I2CMock([Self.start, .transaction(0x69, [.write([0xD3, 0x04])])])
        var driver = SPS30Driver(bus: mock)
        _ = try driver.startMeasurement(nowMs: 0)
        #expect(try driver.reset(nowMs: 50) == 150)
        #expect(!driver.isMeasuring)
        mock.done()
    }

    /// The Linux driver's recovery: reset, wait, stop, then start again.
    @Test func recoverySequence() throws {
        let mock = I2CMock([
            .transaction(0x69, [.write([0xD3, 0x04])]),
            .transaction(0x69, [.write([0x01, 0x04])]),
            Self.start,
        ])
        var driver = SPS30Driver(bus: mock)
        let afterReset = try driver.reset(nowMs: 0)
        let afterStop = try driver.stopMeasurement(nowMs: afterReset)
        #expect(try driver.startMeasurement(nowMs: afterStop) == 140)
        #expect(driver.isMeasuring)
        mock.done()
    }
}
