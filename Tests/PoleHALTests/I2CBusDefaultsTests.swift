import PoleHAL
import PoleTesting
import Testing

/// The `read`, `write` and `writeRead` defaults each put exactly one transaction on the bus.
@Suite struct I2CBusDefaultsTests {
    @Test func writeIsOneTransactionWithOneWriteOperation() throws {
        var bus = I2CMock([.transaction(0x69, [.write([0x00, 0x10, 0x03, 0x00, 0xAC])])])
        try bus.write(address: I2CAddress(0x69), bytes: [0x00, 0x10, 0x03, 0x00, 0xAC])
        #expect(bus.consumed == 1)
        bus.done()
    }

    @Test func readIsOneTransactionWithOneReadOperationAndReturnsItsBytes() throws {
        var bus = I2CMock([.transaction(0x12, [.read(count: 4)], reads: [[0x42, 0x4D, 0x00, 0x1C]])])
        let bytes = try bus.read(address: I2CAddress(0x12), count: 4)
        #expect(bytes == [0x42, 0x4D, 0x00, 0x1C])
        #expect(bus.consumed == 1)
        bus.done()
    }

    @Test func writeReadIsOneTransactionWithWriteThenRead() throws {
        var bus = I2CMock([
            .transaction(0x23, [.write([0x10]), .read(count: 2)], reads: [[0x01, 0x2C]]),
        ])
        let bytes = try bus.writeRead(address: I2CAddress(0x23), bytes: [0x10], count: 2)
        #expect(bytes == [0x01, 0x2C])
        #expect(bus.consumed == 1)
        bus.done()
    }

    @Test func separateWriteAndReadAreTwoTransactionsInOrder() throws {
        // The SPS30 has no repeated start: pointer and read go as two transfers.
        var bus = I2CMock([
            .transaction(0x69, [.write([0x02, 0x02])]),
            .transaction(0x69, [.read(count: 3)], reads: [[0x00, 0x01, 0xB0]]),
        ])
        try bus.write(address: I2CAddress(0x69), bytes: [0x02, 0x02])
        #expect(bus.consumed == 1)
        let answer = try bus.read(address: I2CAddress(0x69), count: 3)
        #expect(answer == [0x00, 0x01, 0xB0])
        #expect(bus.consumed == 2)
        bus.done()
    }

    @Test func readReturnsEmptyWhenTheBusAnswersNoReads() throws {
        var bus = I2CMock([.transaction(0x12, [.read(count: 2)], reads: [])])
        #expect(try bus.read(address: I2CAddress(0x12), count: 2) == [])
        bus.done()
    }
}
