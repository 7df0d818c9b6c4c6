import PoleHAL
import Testing

@Suite struct HALErrorTests {
    @Test func descriptionHasContextKindAndErrno() {
        let error = HALError(.timeout, errno: 110, context: "/dev/i2c-1 0x69")
        #expect(error.description == "/dev/i2c-1 0x69: timeout (errno 110)")
    }

    @Test func descriptionWithoutErrnoOmitsIt() {
        let error = HALError(.notFound, context: "line \"FLOOR_RED\"")
        #expect(error.description == "line \"FLOOR_RED\": not-found")
        #expect(!error.description.contains("errno"))
    }

    @Test func nackDescriptionNamesWhichEndRefused() {
        #expect(HALError(.nack(.address), errno: 6, context: "pm").description == "pm: nack(address) (errno 6)")
        #expect(HALError(.nack(.data), errno: 121, context: "pm").description == "pm: nack(data) (errno 121)")
    }

    @Test(arguments: [
        (HALError.Kind.nack(.unknown), "nack"), (.timeout, "timeout"), (.arbitrationLoss, "arbitration-loss"),
        (.bus, "bus"), (.busy, "busy"), (.unsupported, "unsupported"), (.notFound, "not-found"), (.other, "other"),
    ])
    func kindNames(kind: HALError.Kind, name: String) {
        #expect(kind.name == name)
        #expect(HALError(kind, context: "x").description == "x: \(name)")
    }

    @Test func keepsItsFields() {
        let error = HALError(.busy, errno: 16, context: "gpiochip0 line 17")
        #expect(error.kind == .busy)
        #expect(error.errno == 16)
        #expect(error.context == "gpiochip0 line 17")
        #expect(HALError(.busy, context: "c").errno == nil)
    }

    @Test func nackSourcesAreDistinctKinds() {
        #expect(HALError.Kind.nack(.address) != .nack(.data))
        #expect(HALError.Kind.nack(.data) != .nack(.unknown))
    }
}
