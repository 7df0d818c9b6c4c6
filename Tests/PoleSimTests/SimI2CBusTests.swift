import PoleDrivers
import PoleHAL
import PoleSim
import PoleTesting
import Testing

/// The simulated SPS30 answers as the datasheet says, driven the way the real driver drives it.
@Suite struct SimI2CBusTests {
    static let sps30 = I2CAddress(SPS30Frame.address)

    /// A street with an SPS30 attached as `pm`, and the bus to it.
    struct PMStreet {
        let street = Street(startUTCSeconds: 0)
        var bus: SimI2CBus

        init() {
            street.attach(SimI2CDevice(model: .sps30, address: SimI2CBusTests.sps30), role: "pm")
            bus = SimI2CBus(street: street)
        }

        /// Pointer, then a separate read (the SPS30 has no repeated start).
        mutating func query(_ command: SPS30Command, count: Int) throws(HALError) -> [UInt8] {
            try bus.write(address: SimI2CBusTests.sps30, bytes: command.pointerBytes)
            return try bus.read(address: SimI2CBusTests.sps30, count: count)
        }
    }

    @Test func notReadyBeforeStartThenReadyAfterStart() throws {
        var pm = PMStreet()
        #expect(try pm.query(.readDataReady, count: 3) == [0x00, 0x00, 0x81])
        try pm.bus.write(address: Self.sps30, bytes: SPS30Command.startFloatMeasurementBytes)
        #expect(try pm.query(.readDataReady, count: 3) == [0x00, 0x01, 0xB0])
        try pm.bus.write(address: Self.sps30, bytes: SPS30Command.stopMeasurement.pointerBytes)
        #expect(try pm.query(.readDataReady, count: 3) == [0x00, 0x00, 0x81])
    }

    @Test func measuredValuesDecodeToTheStreetsParticulates() throws {
        var pm = PMStreet()
        try pm.bus.write(address: Self.sps30, bytes: SPS30Command.startFloatMeasurementBytes)
        let first = try pm.query(.readMeasuredValues, count: SPS30Frame.measuredValuesLength)
        let defaults = try SPS30Frame.decodeMeasuredValues(first).get()
        #expect(defaults.pm2_5 == Float(pm.street.pm2_5))
        #expect(defaults.pm10 == Float(pm.street.pm10))

        pm.street.apply(.particulates(pm2_5: 40, pm10: 100))
        let frame = try pm.query(.readMeasuredValues, count: SPS30Frame.measuredValuesLength)
        let values = try SPS30Frame.decodeMeasuredValues(frame).get()
        #expect(values.pm2_5 == 40)
        #expect(values.pm10 == 100)
        #expect(values.pm1 <= values.pm2_5)
        #expect(values.pm2_5 <= values.pm4)
        #expect(values.pm4 <= values.pm10)
    }

    @Test func measuredValuesAreZeroWhenNotMeasuring() throws {
        var pm = PMStreet()
        pm.street.apply(.particulates(pm2_5: 40, pm10: 100))
        let frame = try pm.query(.readMeasuredValues, count: SPS30Frame.measuredValuesLength)
        #expect(try SPS30Frame.decodeMeasuredValues(frame).get() == SPS30Frame.MeasuredValues(pm1: 0, pm2_5: 0, pm4: 0, pm10: 0))
    }

    /// Commands that only write: the sensor has nothing to answer, so it does not acknowledge a read
    /// after them (its address is NACKed), as a real SPS30 does.
    @Test(arguments: [
        SPS30Command.startMeasurement, .stopMeasurement, .sleep, .wakeUp, .startFanCleaning, .clearDeviceStatus, .reset,
    ])
    func aReadAfterAWriteOnlyCommandIsNacked(command: SPS30Command) throws {
        var pm = PMStreet()
        try pm.bus.write(address: Self.sps30, bytes: SPS30Command.startFloatMeasurementBytes)
        let bytes = command == .startMeasurement ? SPS30Command.startFloatMeasurementBytes : command.pointerBytes
        try pm.bus.write(address: Self.sps30, bytes: bytes)
        let error = expectError(HALError.self) { _ = try pm.bus.read(address: Self.sps30, count: 6) }
        #expect(error?.kind == .nack(.address))
    }

    @Test func aReadBeforeAnyCommandIsNacked() {
        var pm = PMStreet()
        let error = expectError(HALError.self) { _ = try pm.bus.read(address: Self.sps30, count: 3) }
        #expect(error?.kind == .nack(.address))
    }

    @Test func anUnknownCommandIsNacked() {
        var pm = PMStreet()
        let error = expectError(HALError.self) { try pm.bus.write(address: Self.sps30, bytes: [0xD2, 0x11]) }
        #expect(error?.kind == .nack(.data))
    }

    /// 0xD206 reads the register (two words, each with its CRC); 0xD210 clears it and answers nothing.
    /// A stopped fan sets FAN (bit 4), which stays set after the fan runs again until it is cleared.
    @Test func theStatusRegisterIsReadWithD206AndClearedWithD210() throws {
        var pm = PMStreet()
        try pm.bus.write(address: Self.sps30, bytes: SPS30Command.startFloatMeasurementBytes)
        #expect(try pm.query(.readDeviceStatus, count: 6) == [0x00, 0x00, 0x81, 0x00, 0x00, 0x81])
        pm.street.apply(.i2cFault(device: "pm", fault: .fan, durationMs: nil))
        #expect(try pm.query(.readDeviceStatus, count: 6) == [0x00, 0x00, 0x81, 0x00, 0x10, 0xC2])
        pm.street.apply(.i2cFaultCleared(device: "pm"))
        #expect(try pm.query(.readDeviceStatus, count: 6) == [0x00, 0x00, 0x81, 0x00, 0x10, 0xC2], "FAN is sticky")
        try pm.bus.write(address: Self.sps30, bytes: SPS30Command.clearDeviceStatus.pointerBytes)
        #expect(try pm.query(.readDeviceStatus, count: 6) == [0x00, 0x00, 0x81, 0x00, 0x00, 0x81])
    }

    /// While the fan stays stopped the sensor sets FAN again after a clear.
    @Test func aStoppedFanIsReportedAgainAfterAClear() throws {
        var pm = PMStreet()
        try pm.bus.write(address: Self.sps30, bytes: SPS30Command.startFloatMeasurementBytes)
        pm.street.apply(.i2cFault(device: "pm", fault: .fan, durationMs: 60_000))
        try pm.bus.write(address: Self.sps30, bytes: SPS30Command.clearDeviceStatus.pointerBytes)
        #expect(try pm.query(.readDeviceStatus, count: 6) == [0x00, 0x00, 0x81, 0x00, 0x10, 0xC2])
        pm.street.advance(toMs: 60_000)
        try pm.bus.write(address: Self.sps30, bytes: SPS30Command.clearDeviceStatus.pointerBytes)
        #expect(try pm.query(.readDeviceStatus, count: 6) == [0x00, 0x00, 0x81, 0x00, 0x00, 0x81])
    }

    @Test func productTypeIsTheDatasheetsASCII() throws {
        var pm = PMStreet()
        let frame = try pm.query(.productType, count: 12)
        let words = try SPS30Frame.decodeWords(frame).get()
        let bytes = words.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(bytes == Array("00080000".utf8))
    }

    @Test func noDeviceAtAnAddressIsAnAddressNack() {
        var pm = PMStreet()
        let error = expectError(HALError.self) {
            _ = try pm.bus.read(address: I2CAddress(0x12), count: 32)
        }
        #expect(error?.kind == .nack(.address))
        #expect(error?.context.contains("0x12") == true)
    }

    @Test(arguments: [
        (I2CFault.nack, HALError.Kind.nack(.address)), (.timeout, .timeout), (.absent, .nack(.address)),
    ])
    func injectedFaultsFailTransfers(fault: I2CFault, kind: HALError.Kind) throws {
        var pm = PMStreet()
        pm.street.apply(.i2cFault(device: "pm", fault: fault, durationMs: nil))
        let write = expectError(HALError.self) {
            try pm.bus.write(address: Self.sps30, bytes: SPS30Command.readDataReady.pointerBytes)
        }
        #expect(write?.kind == kind)
        let read = expectError(HALError.self) { _ = try pm.bus.read(address: Self.sps30, count: 3) }
        #expect(read?.kind == kind)
        // Without a duration the fault lasts until cleared.
        pm.street.advance(toMs: 3_600_000)
        #expect(throws: HALError.self) { _ = try pm.bus.read(address: Self.sps30, count: 3) }
        pm.street.apply(.i2cFaultCleared(device: "pm"))
        #expect(try pm.query(.readDataReady, count: 3) == [0x00, 0x00, 0x81])
    }

    @Test func crcFaultCorruptsEveryFrameUntilItEnds() throws {
        var pm = PMStreet()
        try pm.bus.write(address: Self.sps30, bytes: SPS30Command.startFloatMeasurementBytes)
        pm.street.advance(toMs: 1_000)
        pm.street.apply(.i2cFault(device: "pm", fault: .crc, durationMs: 2_000))
        let ready = try pm.query(.readDataReady, count: 3)
        #expect(ready == [0x00, 0x01, UInt8(0xB0 ^ 0xFF)])
        guard case .failure(.crc(offset: 0, expected: 0xB0, actual: 0x4F)) = SPS30Frame.decodeWords(ready) else {
            Issue.record("data-ready under a crc fault decoded as \(SPS30Frame.decodeWords(ready))")
            return
        }
        let frame = try pm.query(.readMeasuredValues, count: SPS30Frame.measuredValuesLength)
        #expect(frame.count == 60)
        guard case .failure(.crc) = SPS30Frame.decodeMeasuredValues(frame) else {
            Issue.record("measured values under a crc fault decoded")
            return
        }
        pm.street.advance(toMs: 2_999)
        guard case .failure(.crc) = SPS30Frame.decodeWords(try pm.query(.readDataReady, count: 3)) else {
            Issue.record("crc fault ended early")
            return
        }
        pm.street.advance(toMs: 3_000)
        #expect(try pm.query(.readDataReady, count: 3) == [0x00, 0x01, 0xB0])
    }

    @Test func faultExpiresAfterItsDuration() throws {
        var pm = PMStreet()
        pm.street.advance(toMs: 5_000)
        pm.street.apply(.i2cFault(device: "pm", fault: .nack, durationMs: 3_000))
        for time: Int64 in [5_000, 6_000, 7_999] {
            pm.street.advance(toMs: time)
            let error = expectError(HALError.self, "at \(time) ms") {
                try pm.bus.write(address: Self.sps30, bytes: SPS30Command.readDataReady.pointerBytes)
            }
            #expect(error?.kind == .nack(.address))
        }
        pm.street.advance(toMs: 8_000)
        #expect(try pm.query(.readDataReady, count: 3) == [0x00, 0x00, 0x81])
    }

    @Test func aLaterFaultReplacesAnEarlierOne() throws {
        var pm = PMStreet()
        pm.street.apply(.i2cFault(device: "pm", fault: .nack, durationMs: nil))
        pm.street.apply(.i2cFault(device: "pm", fault: .timeout, durationMs: 1_000))
        let error = expectError(HALError.self) { _ = try pm.bus.read(address: Self.sps30, count: 3) }
        #expect(error?.kind == .timeout)
        pm.street.advance(toMs: 1_000)
        _ = try pm.query(.readDataReady, count: 3)
    }

    @Test func scriptedFrameAnswersTheNextReadOnly() throws {
        var pm = PMStreet()
        pm.street.apply(.i2cFrame(device: "pm", bytes: [0x00, 0x01, 0xB0]))
        #expect(try pm.query(.readDataReady, count: 3) == [0x00, 0x01, 0xB0])
        #expect(try pm.query(.readDataReady, count: 3) == [0x00, 0x00, 0x81])
    }

    @Test func shortAnswersArePaddedWithFFAndLongOnesCut() throws {
        var pm = PMStreet()
        pm.street.apply(.i2cFrame(device: "pm", bytes: [0x12]))
        #expect(try pm.bus.read(address: Self.sps30, count: 3) == [0x12, 0xFF, 0xFF])
        #expect(try pm.query(.readMeasuredValues, count: 6).count == 6)
    }

    @Test func bh1750AnswersLuxTimes1Point2() throws {
        let street = Street(startUTCSeconds: 0)
        let address = I2CAddress(0x23)
        street.attach(SimI2CDevice(model: .bh1750, address: address), role: "lux")
        var bus = SimI2CBus(street: street)
        street.apply(.lux(1_000))
        try bus.write(address: address, bytes: [0x10])
        #expect(try bus.read(address: address, count: 2) == [0x04, 0xB0])  // 1200 counts
        street.apply(.lux(3.0))
        #expect(try bus.read(address: address, count: 2) == [0x00, 0x04])  // 3.6 → 4
        street.apply(.i2cFault(device: "lux", fault: .timeout, durationMs: nil))
        #expect(throws: HALError(.timeout, context: "i2c sim 0x23")) { _ = try bus.read(address: address, count: 2) }
    }
}
