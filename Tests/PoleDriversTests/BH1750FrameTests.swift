import PoleDrivers
import Testing

@Suite struct BH1750FrameTests {
    /// The datasheet's worked example: high byte 1000_0011, low byte 1001_0000
    /// → (2¹⁵ + 2⁹ + 2⁸ + 2⁷ + 2⁴) / 1.2 ≈ 28 067 lx.
    @Test func datasheetExample() throws {
        #expect(try BH1750Frame.decodeCounts([0b1000_0011, 0b1001_0000]).get() == 33_680)
        let lux = try BH1750Frame.decodeLux([0x83, 0x90]).get()
        #expect(abs(lux - 28_066.667) < 0.001)
    }

    @Test(arguments: [
        ([0x00, 0x00], 0), ([0x00, 0x01], 1), ([0x01, 0x00], 256), ([0x12, 0x34], 0x1234), ([0xFF, 0xFF], 65_535),
    ] as [([UInt8], UInt16)])
    func countsAreBigEndian(bytes: [UInt8], counts: UInt16) throws {
        #expect(try BH1750Frame.decodeCounts(bytes).get() == counts)
    }

    @Test(arguments: [
        (UInt16(0), 0.0), (12, 10.0), (1_200, 1_000.0), (19, 15.833_333), (65_535, 54_612.5),
    ] as [(UInt16, Double)])
    func oneCountIsOneTwelfthOfTenLux(counts: UInt16, lux: Double) {
        #expect(abs(BH1750Frame.lux(counts: counts) - lux) < 0.000_01)
    }

    @Test(arguments: [0, 1, 3, 4])
    func anythingButTwoBytesIsALengthError(count: Int) {
        let bytes = Array([UInt8](repeating: 0x12, count: count))
        #expect(throws: BH1750Frame.DecodeError.length(expected: 2, actual: count)) {
            try BH1750Frame.decodeLux(bytes).get()
        }
        #expect(throws: BH1750Frame.DecodeError.length(expected: 2, actual: count)) {
            try BH1750Frame.decodeCounts(bytes).get()
        }
    }

    @Test func errorDescription() {
        #expect(BH1750Frame.DecodeError.length(expected: 2, actual: 1).description == "result is 1 bytes, expected 2")
    }

    @Test func addressesAreTheDatasheetsTwoChoices() {
        #expect(BH1750Frame.addressPinLow == 0x23)
        #expect(BH1750Frame.addressPinHigh == 0x5C)
    }

    @Test(arguments: [
        (BH1750Command.powerDown, 0x00), (.powerOn, 0x01), (.reset, 0x07), (.continuousHighResolution, 0x10),
        (.continuousHighResolution2, 0x11), (.continuousLowResolution, 0x13), (.oneTimeHighResolution, 0x20),
        (.oneTimeHighResolution2, 0x21), (.oneTimeLowResolution, 0x23),
    ] as [(BH1750Command, UInt8)])
    func opcodesAreTheDatasheets(command: BH1750Command, opcode: UInt8) {
        #expect(command.rawValue == opcode)
    }

    @Test func everyOpcodeIsCovered() {
        #expect(BH1750Command.allCases.count == 9)
    }
}
