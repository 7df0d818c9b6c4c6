/// CRC-32 as zlib, PNG and Ethernet compute it (polynomial 0xEDB88320 reflected, initial and final
/// value 0xFFFFFFFF); the check value of "123456789" is 0xCBF43926.
///
/// Exists for the store's guard file, which must tell a damaged copy from a good one without
/// linking a compression library for one function.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
