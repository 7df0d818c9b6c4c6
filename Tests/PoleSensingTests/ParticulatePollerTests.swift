import PoleCore
import PoleDrivers
import PoleHAL
@testable import PoleSensing
import PoleTesting
import Testing

/// The SPS30's transactions, as the sensor sees them (no repeated start: each command is a write,
/// each answer a separate read).
private enum SPS30Wire {
    static let address: UInt8 = 0x69
    static let values = SPS30Frame.MeasuredValues(pm1: 8, pm2_5: 10, pm4: 15, pm10: 20, typicalSizeMicrometres: 0.6)

    static func identify() -> [I2CMock.Expectation] {
        var serial = Array("SPS30TEST0001".utf8)
        serial += [UInt8](repeating: 0, count: 32 - serial.count)
        let words = stride(from: 0, to: 32, by: 2).map { UInt16(serial[$0]) << 8 | UInt16(serial[$0 + 1]) }
        return [
            .transaction(address, [.write([0xD0, 0x33])]),
            .transaction(address, [.read(count: 48)], reads: [SPS30Frame.encode(words: words)]),
            .transaction(address, [.write([0xD1, 0x00])]),
            .transaction(address, [.read(count: 3)], reads: [SPS30Frame.encode(words: [0x0203])]),
        ]
    }

    static let start = I2CMock.Expectation.transaction(address, [.write([0x00, 0x10, 0x03, 0x00, 0xAC])])
    static let reset = I2CMock.Expectation.transaction(address, [.write([0xD3, 0x04])])
    static let fanCleaning = I2CMock.Expectation.transaction(address, [.write([0x56, 0x07])])

    static func read(_ measured: SPS30Frame.MeasuredValues = values) -> [I2CMock.Expectation] {
        [
            .transaction(address, [.write([0x02, 0x02])]),
            .transaction(address, [.read(count: 3)], reads: [SPS30Frame.encode(words: [1])]),
            .transaction(address, [.write([0x03, 0x00])]),
            .transaction(address, [.read(count: 60)], reads: [SPS30Frame.encode(measured)]),
        ]
    }

    /// The status read (0xD206, then its answer), and the clear (0xD210, a write only) when a flag
    /// the pole acts on is set.
    static func status(_ register: UInt32) -> [I2CMock.Expectation] {
        let read: [I2CMock.Expectation] = [
            .transaction(address, [.write([0xD2, 0x06])]),
            .transaction(address, [.read(count: 6)], reads: [SPS30Frame.encode(words: [UInt16(register >> 16), UInt16(register & 0xFFFF)])]),
        ]
        return SPS30Status(register: register).isEmpty ? read : read + [.transaction(address, [.write([0xD2, 0x10])])]
    }

    /// Identify, start at 20 ms, ten reads in the 10 s warm-up, the first status read at 10 040 ms.
    static func startedAndWarm(status register: UInt32 = 0) -> [I2CMock.Expectation] {
        identify() + [start] + (0..<10).flatMap { index in read(values.withSize(0.6 + Float(index) / 100)) } + status(register)
    }

    /// Polls at every time in `times`, returning the last reading.
    @discardableResult
    static func poll(_ poller: inout ParticulatePoller<I2CMock>, at times: [Int64]) -> ParticulateReading? {
        var reading: ParticulateReading?
        for time in times { reading = poller.poll(nowMs: time) }
        return reading
    }

    /// The warm-up's poll times: identify at 0, start at 20, reads at 40, 1 040, … 9 040, status at 10 040.
    static let warmUpTimes: [Int64] = [0, 20] + (0..<10).map { 40 + Int64($0) * 1_000 } + [10_040]
}

extension SPS30Frame.MeasuredValues {
    func withSize(_ size: Float) -> Self {
        var copy = self
        copy.typicalSizeMicrometres = size
        return copy
    }
}

@Suite struct ParticulatePollerTests {
    @Test func startReadsIdentityStartsAndUsesNoValueDuringTheWarmUp() {
        let bus = I2CMock(SPS30Wire.startedAndWarm() + SPS30Wire.read())
        var poller = ParticulatePoller(bus: bus, address: I2CAddress(0x69))
        #expect(SPS30Wire.poll(&poller, at: SPS30Wire.warmUpTimes) == nil, "no value in the first 10 s")
        #expect(poller.health.state == .warmingUp)
        #expect(poller.health.serial == "SPS30TEST0001")
        #expect(poller.health.firmware == "2.3")
        #expect(poller.poll(nowMs: 10_060) == .sample(pm1: 8, pm2_5: 10, pm10: 20, atMs: 10_060))
        #expect(poller.health.state == .ok)
        #expect(poller.health.flags.isEmpty)
        bus.done()
    }

    @Test func aNackBurstIsRetriedAfterOneThenTwoSecondsWithoutTouchingTheSensor() {
        let nack = I2CMock.Expectation.failing(0x69, [.write([0x02, 0x02])], .nack(.address))
        let bus = I2CMock(SPS30Wire.startedAndWarm() + SPS30Wire.read() + [nack, nack] + SPS30Wire.read(SPS30Wire.values.withSize(0.7)))
        var poller = ParticulatePoller(bus: bus, address: I2CAddress(0x69))
        SPS30Wire.poll(&poller, at: SPS30Wire.warmUpTimes + [10_060])
        #expect(poller.poll(nowMs: 11_060) == .failed("nack(address)"))
        #expect(poller.poll(nowMs: 11_980) == .failed("nack(address)"), "not before 1 s")
        #expect(poller.poll(nowMs: 12_060) == .failed("nack(address)"))
        #expect(poller.poll(nowMs: 14_040) == .failed("nack(address)"), "not before 2 s more")
        #expect(poller.poll(nowMs: 14_060) == .sample(pm1: 8, pm2_5: 10, pm10: 20, atMs: 14_060), "no restart, no new warm-up")
        #expect(poller.health.errors == 2)
        #expect(poller.health.lastError == "nack(address)")
        bus.done()
    }

    @Test func aSensorThatKeepsFailingIsResetThenGivenUpAndTriedOnceAMinute() {
        let nack = I2CMock.Expectation.failing(0x69, [.write([0x02, 0x02])], .nack(.address))
        let resetNack = I2CMock.Expectation.failing(0x69, [.write([0xD3, 0x04])], .nack(.address))
        let bus = I2CMock(
            SPS30Wire.startedAndWarm() + SPS30Wire.read() + [nack, nack, nack, nack, resetNack, SPS30Wire.reset]
                + SPS30Wire.identify() + [SPS30Wire.start]
        )
        var poller = ParticulatePoller(bus: bus, address: I2CAddress(0x69))
        SPS30Wire.poll(&poller, at: SPS30Wire.warmUpTimes + [10_060])
        SPS30Wire.poll(&poller, at: [11_060, 12_060, 14_060])
        #expect(poller.health.state == .failing)
        #expect(poller.poll(nowMs: 18_060) == .failed("nack(address)"), "the fourth failure: reset next")
        #expect(poller.poll(nowMs: 18_080) == .failed("nack(address)"), "the reset itself fails: given up")
        #expect(poller.health.state == .failed)
        #expect(poller.poll(nowMs: 78_060) == .failed("nack(address)"), "not before a minute")
        SPS30Wire.poll(&poller, at: [78_080, 78_180, 78_200])
        #expect(poller.health.state == .warmingUp, "reset, identified and started again")
        #expect(poller.health.errors == 5)
        bus.done()
    }

    @Test func aStoppedFanInTheStatusRegisterIsAFaultAndASpeedWarningOnlyAFlag() {
        let speedOnly = UInt32(1 << 21)
        let bus = I2CMock(SPS30Wire.startedAndWarm(status: speedOnly) + SPS30Wire.read())
        var poller = ParticulatePoller(bus: bus, address: I2CAddress(0x69))
        SPS30Wire.poll(&poller, at: SPS30Wire.warmUpTimes)
        #expect(poller.poll(nowMs: 10_060) == nil, "status read and cleared; the clear takes 5 ms")
        #expect(poller.health.flags == ["fan-speed"])
        #expect(poller.poll(nowMs: 10_080) == .sample(pm1: 8, pm2_5: 10, pm10: 20, atMs: 10_080), "values still used")
        bus.done()

        let fanStopped = UInt32(1 << 4)
        let stoppedBus = I2CMock(SPS30Wire.startedAndWarm(status: fanStopped))
        var stopped = ParticulatePoller(bus: stoppedBus, address: I2CAddress(0x69))
        SPS30Wire.poll(&stopped, at: SPS30Wire.warmUpTimes)
        #expect(stopped.poll(nowMs: 10_060) == .failed("fan"))
        #expect(stopped.health.flags == ["fan"])
        stoppedBus.done()
    }

    @Test func theSameFrameFiveMinutesRunningIsAStuckSensor() {
        var poller = ParticulatePoller(bus: FrozenSPS30(), address: I2CAddress(0x69))
        var firstStuckMs: Int64?
        var lastSampleMs: Int64?
        for now in stride(from: Int64(0), through: 400_000, by: 20) where firstStuckMs == nil {
            switch poller.poll(nowMs: now) {
            case .failed("stuck")?: firstStuckMs = firstStuckMs ?? now
            case .sample(_, _, _, let atMs)?: lastSampleMs = atMs
            default: break
            }
        }
        let stuck = try! #require(firstStuckMs)
        #expect((300_000...306_000).contains(stuck), "300 identical frames after the first, at one a second: \(stuck)")
        #expect(try! #require(lastSampleMs) < stuck)
        #expect(poller.health.state == .failing)
        #expect(poller.health.lastError == "stuck")
    }

    @Test func fanCleaningIsSentAtTheNextPollAndValuesPauseForTenSeconds() {
        let bus = I2CMock(SPS30Wire.startedAndWarm() + SPS30Wire.read() + [SPS30Wire.fanCleaning] + SPS30Wire.read())
        var poller = ParticulatePoller(bus: bus, address: I2CAddress(0x69))
        SPS30Wire.poll(&poller, at: SPS30Wire.warmUpTimes + [10_060])
        #expect(poller.requestCleaning().isDone)
        #expect(poller.poll(nowMs: 11_060) == .sample(pm1: 8, pm2_5: 10, pm10: 20, atMs: 10_060), "the last value stands")
        #expect(poller.health.cleaningUntilMs == 21_060)
        #expect(poller.poll(nowMs: 20_000) == .sample(pm1: 8, pm2_5: 10, pm10: 20, atMs: 10_060), "nothing sent while cleaning")
        #expect(poller.poll(nowMs: 21_060) == .sample(pm1: 8, pm2_5: 10, pm10: 20, atMs: 21_060))
        bus.done()
    }
}

@Suite struct RecoveryLadderTests {
    @Test func retriesBackOffOneTwoFourSecondsThenResetThenOnceAMinute() {
        var ladder = RecoveryLadder(canReset: true)
        #expect(ladder.failed() == .retry(afterMs: 1_000))
        #expect(ladder.failed() == .retry(afterMs: 2_000))
        #expect(ladder.failed() == .retry(afterMs: 4_000))
        #expect(!ladder.hasGivenUp)
        #expect(ladder.failed() == .reset)
        #expect(!ladder.hasGivenUp)
        #expect(ladder.failed() == .retrySlowly(afterMs: 60_000))
        #expect(ladder.hasGivenUp)
        #expect(ladder.failed() == .retrySlowly(afterMs: 60_000))
        ladder.succeeded()
        #expect(ladder.failed() == .retry(afterMs: 1_000), "a good sample starts the ladder again")
    }

    @Test func aSensorWithoutResetGoesFromRetriesToSlowRetries() {
        var ladder = RecoveryLadder(canReset: false)
        _ = (ladder.failed(), ladder.failed(), ladder.failed())
        #expect(ladder.failed() == .retrySlowly(afterMs: 60_000))
        #expect(ladder.hasGivenUp)
    }
}

/// An SPS30 that answers every command correctly, with the same measured frame every time.
private struct FrozenSPS30: I2CBus {
    private var pointer: UInt16 = 0

    mutating func transaction(address _: I2CAddress, operations: [I2COperation]) throws(HALError) -> [[UInt8]] {
        var reads: [[UInt8]] = []
        for operation in operations {
            switch operation {
            case .write(let bytes): pointer = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
            case .read(let count): reads.append(Array(answer().prefix(count)))
            }
        }
        return reads
    }

    private func answer() -> [UInt8] {
        switch pointer {
        case 0x0202: SPS30Frame.encode(words: [1])
        case 0x0300: SPS30Frame.encode(SPS30Wire.values)
        case 0xD033: SPS30Frame.encode(words: [UInt16](repeating: 0x4141, count: 15) + [0])
        case 0xD100: SPS30Frame.encode(words: [0x0203])
        default: SPS30Frame.encode(words: [0, 0])
        }
    }
}

@Suite struct PMSA003IPollerTests {
    private static let mass = PMSA003IFrame.MassConcentrations(pm1: 12, pm2_5: 20, pm10: 30)
    private static let frame = PMSA003IFrame.encode(PMSA003IFrame.Reading(standard: mass, environmental: mass, version: 0x97))
    private static let read = I2CMock.Expectation.transaction(0x12, [.read(count: 32)], reads: [frame])
    private static let nack = I2CMock.Expectation.failing(0x12, [.read(count: 32)], .nack(.address))

    @Test func theFirstThirtySecondsAreWarmUpThenValues() {
        let bus = I2CMock([Self.read, Self.read, Self.read])
        var poller = PMSA003IPoller(bus: bus, address: I2CAddress(0x12))
        #expect(poller.poll(nowMs: 0) == nil)
        #expect(poller.poll(nowMs: 29_000) == nil)
        #expect(poller.health.state == .warmingUp)
        #expect(poller.poll(nowMs: 30_000) == .sample(pm1: 12, pm2_5: 20, pm10: 30, atMs: 30_000))
        bus.done()
    }

    @Test func failuresAreRetriedAfterOneTwoFourSecondsThenOnceAMinute() {
        let bus = I2CMock([Self.nack, Self.nack, Self.nack, Self.nack, Self.nack])
        var poller = PMSA003IPoller(bus: bus, address: I2CAddress(0x12))
        #expect(poller.poll(nowMs: 0) == .failed("nack(address)"))
        #expect(poller.poll(nowMs: 999) == .failed("nack(address)"), "not before 1 s")
        _ = (poller.poll(nowMs: 1_000), poller.poll(nowMs: 3_000))
        #expect(poller.health.state == .failing)
        _ = poller.poll(nowMs: 7_000)
        #expect(poller.health.state == .failed, "no reset command: from retries straight to once a minute")
        #expect(poller.poll(nowMs: 66_999) == .failed("nack(address)"))
        _ = poller.poll(nowMs: 67_000)
        #expect(poller.health.errors == 5)
        bus.done()
    }
}
