import ArgumentParser
import PoleProtocol

/// polectl's exit codes, so scripts can tell "the pole is faulty" from "the daemon is not there".
///
/// 0 ok · 1 the pole reports a fault (`status`, `faults`) · 64 usage, or a request the daemon found
/// invalid · 69 daemon unreachable · 72 the socket is not trusted (its folder could be another
/// user's, or the server behind it is not root, poled or you; nothing was sent) · 75 the daemon
/// refused for now (a test outside maintenance, under the wrong head; the loop busy) · 76 protocol
/// mismatch · 77 permission denied on the socket.
enum PolectlExit {
    static let fault = ExitCode(1)
    static let usage = ExitCode(64)
    static let unavailable = ExitCode(69)
    /// sysexits' EX_OSFILE: a system file (here the socket, or its folder) is not what it must be.
    static let untrusted = ExitCode(72)
    static let temporary = ExitCode(75)
    static let protocolMismatch = ExitCode(76)
    static let permission = ExitCode(77)

    /// The exit code for an error answer's code.
    static func code(for error: ControlError.Code) -> ExitCode {
        switch error {
        case .badField, .unknownField, .tooLarge: usage
        case .refused, .busy, .timeout: temporary
        case .malformed, .unsupportedVersion, .unknownCommand: protocolMismatch
        }
    }

    /// The `--json` error code and the exit code for a failure to reach or trust the daemon.
    static func code(for failure: ControlConnection.Failure) -> (code: String, exit: ExitCode) {
        switch failure {
        case .permissionDenied: ("permission-denied", permission)
        case .untrusted: ("untrusted", untrusted)
        case .unreachable, .lost, .garbled: ("unreachable", unavailable)
        }
    }
}
