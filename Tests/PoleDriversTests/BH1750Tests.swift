import PoleDrivers
import PoleHAL
import PoleTesting
import Testing

/// The driver against a scripted bus: the exact transactions, the warm-up wait and the failures.
@Suite struct BH1750Tests {
    /// The three one-byte writes of `start`, in order, to `address`.
    static func startSequence(_ address: UInt8 = 0x23) -> [I2CMock.Expectation] {
        [
            .transaction(address, [.write([0x01])]),
            .transaction(address, [.write([0x07])]),
            .transaction(address, [.write([0x10])]),
        ]
    }

    /// One two-byte measurement read answered with `bytes`.
    static func measurement(_ bytes: [UInt8], _ address: UInt8 = 0x23) -> I2CMock.Expectation {
        .transaction(address, [.read(count: 2)], reads: [bytes])
    }

    @Test func startPowersOnResetsAndStartsContinuousHighResolutionInThreeWrites() throws {
        let bus = I2CMock(Self.startSequence())
        var sensor = BH1750(bus: bus)
        #expect(sensor.state == .stopped)
        try sensor.start(nowMs: 1_000)
        #expect(sensor.state == .warmingUp(readyAtMs: 1_180))
        #expect(bus.consumed == 3)
        bus.done()
    }

    @Test func readBeforeTheMeasurementTimeIsNotReadyAndLeavesTheBusAlone() throws {
        let bus = I2CMock(Self.startSequence())
        var sensor = BH1750(bus: bus)
        try sensor.start(nowMs: 1_000)
        #expect(try sensor.read(nowMs: 1_000) == .notReady(readyAtMs: 1_180))
        #expect(try sensor.read(nowMs: 1_179) == .notReady(readyAtMs: 1_180))
        #expect(sensor.state == .warmingUp(readyAtMs: 1_180))
        bus.done()
    }

    @Test func readFromTheMeasurementTimeOnReturnsLux() throws {
        let bus = I2CMock(Self.startSequence() + [Self.measurement([0x83, 0x90]), Self.measurement([0x00, 0x0C])])
        var sensor = BH1750(bus: bus)
        try sensor.start(nowMs: 1_000)
        guard case .lux(let first) = try sensor.read(nowMs: 1_180) else {
            Issue.record("expected lux at the measurement time")
            return
        }
        #expect(abs(first - 28_066.667) < 0.001)
        #expect(sensor.state == .measuring)
        // Once measuring, a read at any later time goes to the bus at once.
        #expect(try sensor.read(nowMs: 1_181) == .lux(10))
        bus.done()
    }

    @Test(arguments: [HALError.Kind.nack(.address), .nack(.unknown), .timeout])
    func failureOfTheFirstStartWriteIsThrownUnchanged(kind: HALError.Kind) {
        let bus = I2CMock([.failing(0x23, [.write([0x01])], kind)])
        var sensor = BH1750(bus: bus)
        #expect(throws: HALError(kind, context: "i2c mock 0x23")) { try sensor.start(nowMs: 0) }
        #expect(sensor.state == .stopped)
        #expect(bus.consumed == 1)
        bus.done()
    }

    @Test func nackOfTheModeCommandStopsTheStartThere() {
        let bus = I2CMock([
            .transaction(0x23, [.write([0x01])]),
            .transaction(0x23, [.write([0x07])]),
            .failing(0x23, [.write([0x10])], .nack(.data)),
        ])
        var sensor = BH1750(bus: bus)
        #expect(throws: HALError(.nack(.data), context: "i2c mock 0x23")) { try sensor.start(nowMs: 0) }
        #expect(sensor.state == .stopped)
        bus.done()
    }

    @Test func aFailedStartCanBeRetried() throws {
        let bus = I2CMock([.failing(0x23, [.write([0x01])], .nack(.address))] + Self.startSequence() + [Self.measurement([0x01, 0x2C])])
        var sensor = BH1750(bus: bus)
        #expect(throws: HALError.self) { try sensor.start(nowMs: 0) }
        try sensor.start(nowMs: 60_000)
        #expect(sensor.state == .warmingUp(readyAtMs: 60_180))
        #expect(try sensor.read(nowMs: 60_180) == .lux(250))
        bus.done()
    }

    @Test func nackAtReadIsThrownUnchangedAndRecoveryIsANewStart() throws {
        let bus = I2CMock(
            Self.startSequence()
                + [.failing(0x23, [.read(count: 2)], .nack(.address))]
                + Self.startSequence()
                + [Self.measurement([0x00, 0x78])]
        )
        var sensor = BH1750(bus: bus)
        try sensor.start(nowMs: 0)
        #expect(throws: HALError(.nack(.address), context: "i2c mock 0x23")) { _ = try sensor.read(nowMs: 200) }
        #expect(sensor.state == .stopped)
        try sensor.start(nowMs: 1_000)
        #expect(try sensor.read(nowMs: 1_100) == .notReady(readyAtMs: 1_180))
        #expect(try sensor.read(nowMs: 1_180) == .lux(100))
        bus.done()
    }

    @Test func timeoutAtReadWhileMeasuringStopsTheDriver() throws {
        let bus = I2CMock(Self.startSequence() + [Self.measurement([0x00, 0x0C]), .failing(0x23, [.read(count: 2)], .timeout)])
        var sensor = BH1750(bus: bus)
        try sensor.start(nowMs: 0)
        #expect(try sensor.read(nowMs: 180) == .lux(10))
        let error = expectError(HALError.self) { _ = try sensor.read(nowMs: 1_180) }
        #expect(error?.kind == .timeout)
        #expect(sensor.state == .stopped)
        bus.done()
    }

    @Test func aShortResultIsAnErrorNotAReading() throws {
        let bus = I2CMock(Self.startSequence() + [Self.measurement([0x12])])
        var sensor = BH1750(bus: bus)
        try sensor.start(nowMs: 0)
        let error = expectError(HALError.self) { _ = try sensor.read(nowMs: 180) }
        #expect(error?.kind == .other)
        #expect(error?.context == "bh1750 0x23: result is 1 bytes, expected 2")
        #expect(sensor.state == .stopped)
        bus.done()
    }

    @Test func theAddressPinHighAddressIsUsedThroughout() throws {
        let bus = I2CMock(Self.startSequence(0x5C) + [Self.measurement([0x00, 0x18], 0x5C)])
        var sensor = BH1750(bus: bus, address: I2CAddress(BH1750Frame.addressPinHigh))
        try sensor.start(nowMs: 0)
        #expect(try sensor.read(nowMs: 180) == .lux(20))
        bus.done()
    }

    @Test func restartingWhileMeasuringWaitsForANewMeasurement() throws {
        let bus = I2CMock(Self.startSequence() + [Self.measurement([0x00, 0x0C])] + Self.startSequence())
        var sensor = BH1750(bus: bus)
        try sensor.start(nowMs: 0)
        #expect(try sensor.read(nowMs: 500) == .lux(10))
        try sensor.start(nowMs: 1_000)
        #expect(sensor.state == .warmingUp(readyAtMs: 1_180))
        #expect(try sensor.read(nowMs: 1_050) == .notReady(readyAtMs: 1_180))
        bus.done()
    }
}
