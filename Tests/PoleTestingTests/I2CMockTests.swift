import PoleHAL
import PoleTesting
import Testing

/// The mock itself: scripted failures reach the caller, and mistakes are caught.
@Suite struct I2CMockTests {
    @Test(arguments: [
        HALError.Kind.nack(.address), .nack(.data), .timeout, .arbitrationLoss, .bus, .busy,
    ])
    func failingExpectationThrowsItsKindToTheCaller(kind: HALError.Kind) {
        var bus = I2CMock([.failing(0x69, [.write([0x03, 0x00])], kind)])
        let error = expectError(HALError.self) {
            try bus.write(address: I2CAddress(0x69), bytes: [0x03, 0x00])
        }
        #expect(error?.kind == kind)
        #expect(error?.context.contains("0x69") == true)
        #expect(bus.consumed == 1)
        bus.done()
    }

    @Test func failureOfReadDoesNotReturnBytes() {
        var bus = I2CMock([.failing(0x69, [.read(count: 3)], .timeout)])
        #expect(throws: HALError.self) { _ = try bus.read(address: I2CAddress(0x69), count: 3) }
        bus.done()
    }

    @Test func aLaterExpectationStillAnswersAfterAFailure() throws {
        var bus = I2CMock([
            .failing(0x69, [.read(count: 3)], .nack(.address)),
            .transaction(0x69, [.read(count: 3)], reads: [[0x00, 0x00, 0x81]]),
        ])
        #expect(throws: HALError(.nack(.address), context: "i2c mock 0x69")) {
            _ = try bus.read(address: I2CAddress(0x69), count: 3)
        }
        #expect(try bus.read(address: I2CAddress(0x69), count: 3) == [0x00, 0x00, 0x81])
        bus.done()
    }

    @Test func wrongAddressIsRecordedAsAnIssue() throws {
        try withKnownIssue {
            var bus = I2CMock([.transaction(0x69, [.write([0x01, 0x04])])])
            try bus.write(address: I2CAddress(0x12), bytes: [0x01, 0x04])
            bus.done()
        } matching: { issue in
            String(describing: issue).contains("expected 0x69")
        }
    }

    @Test func wrongOperationsAreRecordedAsAnIssue() throws {
        try withKnownIssue {
            var bus = I2CMock([.transaction(0x69, [.write([0x02, 0x02])])])
            // A repeated-start writeRead where two transfers were expected.
            _ = try bus.writeRead(address: I2CAddress(0x69), bytes: [0x02, 0x02], count: 3)
            bus.done()
        } matching: { issue in
            String(describing: issue).contains("I2C transaction 1 was")
        }
    }

    @Test func unmetExpectationIsRecordedAtDone() {
        withKnownIssue {
            let bus = I2CMock([.transaction(0x69, [.write([0x01, 0x04])])])
            bus.done()
        } matching: { issue in
            String(describing: issue).contains("1 I2C expectation(s) never met")
        }
    }

    @Test func unexpectedExtraTransactionIsRecordedAndThrows() {
        withKnownIssue {
            var bus = I2CMock([])
            let error = expectError(HALError.self) {
                try bus.write(address: I2CAddress(0x69), bytes: [0x01])
            }
            #expect(error?.kind == .other)
            bus.done()
        } matching: { issue in
            String(describing: issue).contains("unexpected I2C transaction")
        }
    }
}
