import Glibc
import PoleHAL
@testable import PoleLinux
import PoleTesting
import Testing

/// C's `char` is signed on x86_64 Linux and unsigned on arm64 Linux, the poles' CPU, but Swift imports
/// it as `CChar`, which is `Int8` on both: the first byte of "보" (0xEB) is -21 on the Swift side of
/// either, and 235 only inside C code on arm64. Text crosses into C and back where line names, chip
/// labels and consumers come from libgpiod and where paths go to the kernel; written by C as `char`
/// and read by Swift as `Int8`, it must come back as the same UTF-8 on both. CI runs these tests on
/// x86_64 and, cross-built, on arm64 under qemu (.ci/arm64.sh). I²C bytes are `uint8_t` on both sides
/// of CI2C, as in the kernel's `i2c_msg`.
@Suite struct CCharBoundaryTests {
    static let name = "보행자 신호 · Straße ÿ"

    @Test func swiftSeesCsCharAsInt8OnEveryArchitecture() {
        #expect(CChar.self == Int8.self)
        let first = Array(Self.name.utf8)[0]
        #expect(first == 0xEB)
        #expect(CChar(bitPattern: first) == -21)
    }

    @Test func textAboveASCIIWrittenByCComesBackAsTheSameUTF8() {
        let copied = Libgpiod.withText { buffer, size in
            strncpy(buffer, Self.name, size - 1)
            return 0
        }
        #expect(copied.result == 0)
        #expect(copied.text == Self.name)
        #expect(Array(copied.text.utf8) == Array(Self.name.utf8))
    }

    @Test func textLongerThanTheBufferIsCutAtItsTerminator() {
        let copied = Libgpiod.withText { buffer, size in
            memset(buffer, 0xEB, size - 1)
            return 0
        }
        #expect(copied.text.utf8.count == 255 * 3, "255 lone 0xEB bytes, each repaired to U+FFFD")
        #expect(copied.text.unicodeScalars.allSatisfy { $0 == "\u{FFFD}" })
    }

    @Test func aPathAboveASCIIReachesTheKernelIntact() throws {
        let path = "/tmp/poled-\(Self.name)-\(getpid())"
        let descriptor = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
        try #require(descriptor >= 0)
        close(descriptor)
        defer { unlink(path) }
        let present = expectError(HALError.self) { _ = try LinuxI2CBus(path: path) }
        #expect(present?.kind != .notFound, "the file exists: open found it, and it is no I²C bus")
        #expect(present?.context.hasPrefix(path) == true)
        unlink(path)
        let missing = expectError(HALError.self) { _ = try LinuxI2CBus(path: path) }
        #expect(missing?.kind == .notFound)
    }
}
