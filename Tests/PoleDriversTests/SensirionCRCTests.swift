import PoleDrivers
import Testing

@Suite struct SensirionCRCTests {
    @Test func datasheetCheckValue() {
        #expect(SensirionCRC.crc8([0xBE, 0xEF]) == 0x92)
    }

    /// Values printed in Sensirion datasheets: SPS30 start-measurement format word, data-ready
    /// answers, and the SCD30's "set interval 2 s" word.
    @Test(arguments: [
        ([0x03, 0x00], 0xAC), ([0x00, 0x01], 0xB0), ([0x00, 0x00], 0x81), ([0x00, 0x02], 0xE3),
    ] as [([UInt8], UInt8)])
    func datasheetWords(word: [UInt8], crc: UInt8) {
        #expect(SensirionCRC.crc8(word) == crc)
        #expect(SensirionCRC.crc8(word: UInt16(word[0]) << 8 | UInt16(word[1])) == crc)
    }

    /// Every word against the polynomial worked bit by bit, as the datasheet states it.
    @Test func everyWordMatchesTheBitwiseDefinition() {
        func bitwise(_ bytes: [UInt8]) -> UInt8 {
            var crc: UInt8 = 0xFF
            for byte in bytes {
                crc ^= byte
                for _ in 0..<8 {
                    crc = (crc & 0x80) != 0 ? (crc << 1) ^ 0x31 : crc << 1
                }
            }
            return crc
        }
        for word in 0...UInt16.max {
            let bytes = [UInt8(word >> 8), UInt8(word & 0xFF)]
            let expected = bitwise(bytes)
            guard SensirionCRC.crc8(word: word) == expected, SensirionCRC.crc8(bytes) == expected else {
                Issue.record("word \(word)")
                return
            }
        }
    }

    @Test func emptyInputIsTheInitialValue() {
        #expect(SensirionCRC.crc8([UInt8]()) == 0xFF)
    }

    @Test func acceptsAnySequenceOfBytes() {
        let frame: [UInt8] = [0x11, 0xBE, 0xEF, 0x22]
        #expect(SensirionCRC.crc8(frame[1..<3]) == 0x92)
        #expect(SensirionCRC.crc8(AnySequence([UInt8(0xBE), 0xEF])) == 0x92)
    }

    @Test func everySingleBitFlipChangesTheCRC() {
        let word: [UInt8] = [0xBE, 0xEF]
        for byte in 0..<2 {
            for bit in 0..<8 {
                var flipped = word
                flipped[byte] ^= 1 << bit
                #expect(SensirionCRC.crc8(flipped) != 0x92, "byte \(byte) bit \(bit)")
            }
        }
    }
}
