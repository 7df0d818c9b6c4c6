public import PoleHAL
public import Testing

/// An I²C bus that expects an exact, ordered list of transactions and answers each as scripted.
///
/// A transaction out of order, to the wrong address or with other operations fails the test where
/// it happens. Expectations left over fail it too — at `done()`, or when the mock is released
/// without `done()` (the lesson of embedded-hal-mock: a driver that silently skips a command passes
/// a mock that is never asked whether everything was consumed).
public final class I2CMock: I2CBus {
    /// One expected transaction and its answer.
    public struct Expectation: Sendable {
        public var address: I2CAddress
        public var operations: [I2COperation]
        public var answer: Result<[[UInt8]], HALError>

        /// Expects `operations` to `address` and returns `reads` (one array per read operation).
        public static func transaction(
            _ address: UInt8, _ operations: [I2COperation], reads: [[UInt8]] = []
        ) -> Expectation {
            Expectation(address: I2CAddress(address), operations: operations, answer: .success(reads))
        }

        /// Expects `operations` to `address` and fails them with `kind`.
        public static func failing(_ address: UInt8, _ operations: [I2COperation], _ kind: HALError.Kind) -> Expectation {
            Expectation(
                address: I2CAddress(address), operations: operations,
                answer: .failure(HALError(kind, context: "i2c mock \(I2CAddress(address))"))
            )
        }
    }

    private let expectations: [Expectation]
    private let sourceLocation: SourceLocation
    private var next = 0
    private var verified = false

    public init(_ expectations: [Expectation], sourceLocation: SourceLocation = #_sourceLocation) {
        self.expectations = expectations
        self.sourceLocation = sourceLocation
    }

    deinit {
        if !verified, next < expectations.count {
            Issue.record("I2CMock released with \(expectations.count - next) expectation(s) never met and done() never called", sourceLocation: sourceLocation)
        }
    }

    /// How many expectations have been met.
    public var consumed: Int { next }

    public func transaction(address: I2CAddress, operations: [I2COperation]) throws(HALError) -> [[UInt8]] {
        guard next < expectations.count else {
            Issue.record("unexpected I2C transaction to \(address): \(operations); all \(expectations.count) expectation(s) already met", sourceLocation: sourceLocation)
            throw HALError(.other, context: "i2c mock: unexpected transaction")
        }
        let expected = expectations[next]
        next += 1
        if expected.address != address || expected.operations != operations {
            Issue.record("I2C transaction \(next) was \(address) \(operations), expected \(expected.address) \(expected.operations)", sourceLocation: sourceLocation)
        }
        return try expected.answer.get()
    }

    /// Fails the test if any expectation is left over.
    public func done(sourceLocation: SourceLocation = #_sourceLocation) {
        verified = true
        if next < expectations.count {
            Issue.record("\(expectations.count - next) I2C expectation(s) never met; next: \(expectations[next].address) \(expectations[next].operations)", sourceLocation: sourceLocation)
        }
    }
}
