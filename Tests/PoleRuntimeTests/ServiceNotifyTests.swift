import Glibc
import Logging
import PoleConfig
import PoleLinux
import PoleRuntime
import Testing

/// The daemon on the simulated board under a fake `$NOTIFY_SOCKET`: systemd hears READY, then
/// WATCHDOG and STATUS while the loop runs, then STOPPING. The run is short enough that its messages
/// fit the socket's queue (`net.unix.max_dgram_qlen`, 10 by default), read after it ends.
@Suite struct ServiceNotifyTests {

    @Test func theDaemonTellsSystemdReadyWatchdogStatusStoppingInOrder() throws {
        var template = Array("/tmp/poled-notify-XXXXXX".utf8CString)
        let directory = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        let socketPath = directory + "/notify.sock"
        let listener = try NotifyListener(path: socketPath)
        defer { listener.close() }
        let sources = ConfigSources(sitePath: nil, boardPath: Repository.root + "/boards/sim.toml", runtimeDirectory: directory, userID: getuid())
        let configuration = try ConfigLoader.load(sources)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socketPath, "WATCHDOG_USEC": "400000"])
        let runner = LiveRunner(
            configuration: configuration,
            options: LiveRunOptions(sources: sources, scenario: nil, seed: 1, statusEveryMs: 0, durationMs: 1_000),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), notifier: notifier
        )
        #expect(try runner.run(signals: ProcessSignals.block()) == nil)
        let messages = listener.drain()
        #expect(messages.first?.hasPrefix("READY=1\nSTATUS=seoul-city-hall: head ") == true)
        #expect(messages.last?.hasPrefix("STOPPING=1") == true)
        let watchdogs = messages.filter { $0 == "WATCHDOG=1" }.count
        #expect(watchdogs >= 2, "every 200 ms for 1 s (fewer on a loaded machine), got \(watchdogs)")
        #expect(messages.dropFirst().contains { $0.hasPrefix("STATUS=") })
        #expect(!messages.dropFirst().dropLast().contains { $0.hasPrefix("READY") || $0.hasPrefix("STOPPING") })
    }
}

/// A test's own `$NOTIFY_SOCKET`, read after the run.
final class NotifyListener {
    private let descriptor: Int32
    private let path: String

    struct Failure: Error {}

    init(path: String) throws {
        self.path = path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        var size: Int32 = 4 << 20
        setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw Failure() }
    }

    /// Every datagram received so far.
    func drain() -> [String] {
        var messages: [String] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return messages }
            messages.append(String(decoding: buffer[0..<count], as: UTF8.self))
        }
    }

    func close() {
        Glibc.close(descriptor)
        unlink(path)
    }
}
