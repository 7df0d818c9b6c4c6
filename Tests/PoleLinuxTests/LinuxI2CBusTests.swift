import Glibc
import PoleHAL
import PoleLinux
import Testing

@Suite struct LinuxI2CBusTests {
    @Test(arguments: [
        (ENXIO, HALError.Kind.nack(.unknown)), (EREMOTEIO, .nack(.unknown)), (ETIMEDOUT, .timeout),
        (EAGAIN, .arbitrationLoss), (EOPNOTSUPP, .unsupported), (ENOENT, .notFound), (EBUSY, .busy), (EIO, .other),
    ] as [(Int32, HALError.Kind)])
    func i2cErrnoMapsToTheHALKinds(code: Int32, kind: HALError.Kind) {
        #expect(LinuxI2CBus.kind(code) == kind)
    }

    @Test func aMissingBusIsNotFoundAndNamed() {
        #expect {
            try LinuxI2CBus(path: "/nonexistent/i2c-9")
        } throws: { error in
            let hal = error as? HALError
            return hal?.kind == .notFound && hal?.context.hasPrefix("/nonexistent/i2c-9") == true
        }
    }

    @Test func aFileThatIsNoBusIsRefusedAtOpen() {
        #expect(throws: HALError.self) { try LinuxI2CBus(path: "/tmp") }
    }
}
