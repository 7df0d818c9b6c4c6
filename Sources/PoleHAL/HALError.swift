/// The one error type of every hardware operation.
///
/// Callers act on `kind` (retry a NACK with backoff, reset after a timeout, give up on `notFound`);
/// `errno` keeps the operating system's code for logs, and `context` says which device or line.
public struct HALError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which end of a transfer did not acknowledge.
    public enum NackSource: Sendable, Hashable {
        /// No device answered its address: absent, unpowered, or busy with a measurement.
        case address
        /// The device answered its address but refused a data byte.
        case data
        /// The controller cannot tell which (Linux reports ENXIO or EREMOTEIO for both).
        case unknown
    }

    /// What went wrong, in terms a caller can act on.
    public enum Kind: Sendable, Hashable {
        /// A byte was not acknowledged. The kernel never retries this; retrying is the caller's choice.
        case nack(NackSource)
        /// The bus or device did not complete in time (a held clock line, a hung device).
        case timeout
        /// Another controller won the bus (EAGAIN on Linux).
        case arbitrationLoss
        /// The bus itself misbehaved: a stuck line, a start or stop out of place.
        case bus
        /// The line or device is held by someone else (EBUSY).
        case busy
        /// The controller or backend cannot do what was asked (EOPNOTSUPP, a missing I2C_FUNC bit).
        case unsupported
        /// The chip, line, bus or device does not exist.
        case notFound
        /// Anything else; `errno` says more.
        case other
    }

    /// What went wrong.
    public let kind: Kind
    /// The operating system's error number, when the failure came from a system call.
    public let errno: Int32?
    /// Which device, line or operation failed, for the log.
    public let context: String

    public init(_ kind: Kind, errno: Int32? = nil, context: String) {
        self.kind = kind
        self.errno = errno
        self.context = context
    }

    public var description: String {
        let code = errno.map { " (errno \($0))" } ?? ""
        return "\(context): \(kind.name)\(code)"
    }
}

extension HALError.Kind {
    /// A short, stable name for logs and traces: `nack`, `timeout`, `arbitration-loss`, …
    public var name: String {
        switch self {
        case .nack(.address): "nack(address)"
        case .nack(.data): "nack(data)"
        case .nack(.unknown): "nack"
        case .timeout: "timeout"
        case .arbitrationLoss: "arbitration-loss"
        case .bus: "bus"
        case .busy: "busy"
        case .unsupported: "unsupported"
        case .notFound: "not-found"
        case .other: "other"
        }
    }
}
