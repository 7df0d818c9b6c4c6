import PoleDrivers
import Testing

@Suite struct SPS30CommandTests {
    @Test(arguments: [
        (SPS30Command.startMeasurement, [0x00, 0x10]), (.stopMeasurement, [0x01, 0x04]),
        (.readDataReady, [0x02, 0x02]), (.readMeasuredValues, [0x03, 0x00]), (.sleep, [0x10, 0x01]),
        (.wakeUp, [0x11, 0x03]), (.startFanCleaning, [0x56, 0x07]), (.autoCleaningInterval, [0x80, 0x04]),
        (.productType, [0xD0, 0x02]), (.serialNumber, [0xD0, 0x33]), (.firmwareVersion, [0xD1, 0x00]),
        (.readDeviceStatus, [0xD2, 0x06]), (.clearDeviceStatus, [0xD2, 0x10]), (.reset, [0xD3, 0x04]),
    ] as [(SPS30Command, [UInt8])])
    func pointerBytesAreTheDatasheetPointerBigEndian(command: SPS30Command, bytes: [UInt8]) {
        #expect(command.pointerBytes == bytes)
    }

    @Test func everyCommandIsCoveredAndPointersAreDistinct() {
        #expect(SPS30Command.allCases.count == 14)
        #expect(Set(SPS30Command.allCases.map(\.pointerBytes)).count == 14)
    }

    @Test func pointerBytesCarryNoCRC() {
        for command in SPS30Command.allCases {
            #expect(command.pointerBytes.count == 2, "\(command)")
        }
    }
}
