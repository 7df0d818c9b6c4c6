/// An error answer on the control socket: a stable code for scripts and a message for people.
///
/// Exists so every way a request can go wrong (bad JSON, a 1 MiB line, an unknown command, a test
/// outside maintenance) gets the same shape of answer, and `polectl` can map codes to exit codes.
public struct ControlError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The codes the protocol defines (version 1); documented in docs/protocol.md, "Error codes".
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The line is not JSON, or not a JSON object.
        case malformed
        /// The line is longer than the protocol allows.
        case tooLarge = "too-large"
        /// `v` is missing or not a version this daemon speaks.
        case unsupportedVersion = "unsupported-version"
        case unknownCommand = "unknown-command"
        case unknownField = "unknown-field"
        /// A field has the wrong type or value.
        case badField = "bad-field"
        /// The pole would not do it now (a test outside maintenance, under the wrong head).
        case refused
        /// The daemon has as many clients as it serves at once.
        case busy
        /// The control loop did not answer in time, or a request line did not reach its newline in
        /// time (`control.request_timeout`; the connection is then closed).
        case timeout
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
