import Glibc

/// sd_notify(3) without libsystemd: datagrams to `$NOTIFY_SOCKET` telling systemd the service's state.
///
/// `READY=1` once the outputs are safe and the loop runs, `WATCHDOG=1` from the loop while it is
/// healthy, `STATUS=` a one-line summary, `RELOADING=1` and `STOPPING=1`. Without `$NOTIFY_SOCKET`
/// (not under systemd) every call does nothing. The socket path may be abstract (`@…`).
public final class SystemdNotifier {
    private let descriptor: Int32
    private var address = sockaddr_un()
    private let addressLength: socklen_t
    /// How often systemd expects `WATCHDOG=1`: half of `$WATCHDOG_USEC`, or `nil` without a watchdog.
    public let watchdogIntervalNanoseconds: UInt64?

    /// Reads `$NOTIFY_SOCKET`, `$WATCHDOG_USEC` and `$WATCHDOG_PID` from `environment`.
    public init(environment: [String: String]) {
        let pidMatches = environment["WATCHDOG_PID"].map { $0 == String(getpid()) } ?? true
        watchdogIntervalNanoseconds = environment["WATCHDOG_USEC"].flatMap(UInt64.init).flatMap {
            pidMatches && $0 > 0 ? $0 * 1_000 / 2 : nil
        }
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty, path.utf8.count < 108,
              path.hasPrefix("/") || path.hasPrefix("@")
        else {
            descriptor = -1
            addressLength = 0
            return
        }
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        addressLength = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (bytes.first == 0 ? 0 : 1))
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether the process runs under systemd with a notify socket.
    public var isActive: Bool { descriptor >= 0 }

    /// Sends one state message, e.g. `"READY=1\nSTATUS=running"`, without ever blocking the loop (the
    /// socket is non-blocking). Failures are ignored: systemd's watchdog notices a daemon it cannot hear.
    public func notify(_ state: String) {
        guard descriptor >= 0 else { return }
        var bytes = Array(state.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bytes.withUnsafeMutableBytes { buffer in
                    sendto(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL), socketAddress, addressLength)
                }
            }
        }
    }
}
