import Glibc
import PoleLinux
import Testing

@Suite struct SystemdNotifierTests {
    @Test func withoutANotifySocketNothingIsSent() {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isActive)
        #expect(notifier.watchdogIntervalNanoseconds == nil)
        notifier.notify("READY=1")
    }

    @Test func theWatchdogIntervalIsHalfOfWatchdogUsec() {
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "2000000"]).watchdogIntervalNanoseconds == 1_000_000_000)
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "1"]).watchdogIntervalNanoseconds == nil,
                "the watchdog is for another process")
    }

    @Test func messagesArriveAsDatagrams() throws {
        let path = "/tmp/poled-notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
        let listener = try DatagramListener(path: path)
        defer { listener.close() }
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path])
        #expect(notifier.isActive)
        notifier.notify("READY=1\nSTATUS=ok")
        notifier.notify("STOPPING=1")
        #expect(listener.receive() == "READY=1\nSTATUS=ok")
        #expect(listener.receive() == "STOPPING=1")
    }
}

/// A test's own `$NOTIFY_SOCKET`.
final class DatagramListener {
    private let descriptor: Int32
    private let path: String

    struct Failure: Error {}

    init(path: String) throws {
        self.path = path
        unlink(path)
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw Failure() }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The next datagram, or `nil` after 5 s.
    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4_096)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
    }

    func close() {
        Glibc.close(descriptor)
        unlink(path)
    }
}
