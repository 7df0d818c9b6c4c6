import PoleCore
import PoleDrivers
import PoleHAL
import PoleRuntime
import PoleTesting
import Testing

/// The exact I²C transactions of start, poll, read and recovery (no repeated start: each command
/// is a write, each answer a separate read).
@Suite struct ParticulatePollerTests {
    @Test func startPollReadThenRecoverAfterANack() {
        let values = SPS30Frame.MeasuredValues(pm1: 8, pm2_5: 10, pm4: 15, pm10: 20)
        let bus = I2CMock([
            .transaction(0x69, [.write([0x00, 0x10, 0x03, 0x00, 0xAC])]),
            .transaction(0x69, [.write([0x02, 0x02])]),
            .transaction(0x69, [.read(count: 3)], reads: [[0x00, 0x01, 0xB0]]),
            .transaction(0x69, [.write([0x03, 0x00])]),
            .transaction(0x69, [.read(count: 60)], reads: [SPS30Frame.encode(values)]),
            .failing(0x69, [.write([0x02, 0x02])], .nack(.address)),
            .transaction(0x69, [.write([0x00, 0x10, 0x03, 0x00, 0xAC])]),
        ])
        var poller = ParticulatePoller(bus: bus, address: I2CAddress(0x69))
        #expect(poller.poll(nowMs: 0) == nil, "started; ready 20 ms later")
        #expect(poller.poll(nowMs: 10) == nil, "not due")
        #expect(poller.poll(nowMs: 20) == .sample(pm1: 8, pm2_5: 10, pm10: 20, atMs: 20))
        #expect(poller.poll(nowMs: 1_020) == .failed("nack(address)"))
        #expect(poller.poll(nowMs: 5_000) == .failed("nack(address)"), "backing off 5 s")
        #expect(poller.poll(nowMs: 6_020) == .failed("nack(address)"), "restarted, not yet read")
        bus.done()
    }
}
