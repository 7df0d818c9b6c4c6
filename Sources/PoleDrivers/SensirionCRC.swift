/// The CRC-8 Sensirion puts after every 16-bit word on the I²C bus.
///
/// Polynomial 0x31 (x⁸ + x⁵ + x⁴ + 1), initial value 0xFF, no reflection, no final XOR.
/// Check value from the datasheet: `crc8([0xBE, 0xEF]) == 0x92`.
public enum SensirionCRC {
    /// The CRC-8 of `bytes`.
    public static func crc8<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt8 {
        var crc: UInt8 = 0xFF
        for byte in bytes {
            crc = update(crc, with: byte)
        }
        return crc
    }

    /// The CRC-8 of one word as it goes on the bus, high byte first; no array needed.
    public static func crc8(word: UInt16) -> UInt8 {
        update(update(0xFF, with: UInt8(word >> 8)), with: UInt8(word & 0xFF))
    }

    /// One byte through the CRC, from a table of the 256 bitwise results (the simulator encodes and
    /// the driver checks every word of every frame).
    private static func update(_ crc: UInt8, with byte: UInt8) -> UInt8 {
        table[Int(crc ^ byte)]
    }

    private static let table: [UInt8] = (0...255).map { index in
        var crc = UInt8(index)
        for _ in 0..<8 {
            crc = (crc & 0x80) != 0 ? (crc << 1) ^ 0x31 : crc << 1
        }
        return crc
    }
}
