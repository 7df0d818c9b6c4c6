import PoleHAL
import Testing

@Suite struct I2CAddressTests {
    @Test(arguments: [
        (0x69, "0x69"), (0x08, "0x08"), (0x00, "0x00"), (0x12, "0x12"), (0x7F, "0x7f"), (0x6B, "0x6b"),
    ] as [(UInt8, String)])
    func descriptionIsTwoDigitHex(value: UInt8, text: String) {
        #expect(I2CAddress(value).description == text)
        #expect("\(I2CAddress(value))" == text)
    }

    @Test func keepsItsValueAndComparesByIt() {
        #expect(I2CAddress(0x69).value == 0x69)
        #expect(I2CAddress(0x69) == I2CAddress(0x69))
        #expect(I2CAddress(0x69) != I2CAddress(0x6B))
    }
}
