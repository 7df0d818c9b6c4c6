import Foundation

/// A real mosquitto broker on loopback with persistence in a temporary directory, which a test can
/// stop and start again on the same port: the uplink tests' broker (`.ci/run` installs mosquitto).
final class MosquittoBroker {
    static let executable = "/usr/sbin/mosquitto"
    let port: Int
    let directory: String
    private var process: SpawnedProcess?

    /// A broker on a free port; `listener` adds lines to its listener (TLS, say); without
    /// `anonymous`, only clients with a user and password of `users` may connect.
    init(directory: String, listener: String = "", anonymous: Bool = true, users: [String: String] = [:]) throws {
        self.directory = directory
        port = try Self.freePort()
        var access = "allow_anonymous \(anonymous)"
        if !users.isEmpty {
            let file = directory + "/mosquitto.passwd"
            _ = FileManager.default.createFile(atPath: file, contents: nil)
            for (user, password) in users {
                let added = RunningDaemon.run("/usr/bin/mosquitto_passwd", ["-b", file, user, password])
                guard added.status == 0 else { throw RunningDaemon.Failure("mosquitto_passwd: \(added.err)") }
            }
            access += "\npassword_file \(file)"
        }
        let configuration = """
            listener \(port) 127.0.0.1
            \(listener)
            \(access)
            persistence true
            persistence_location \(directory)/
            log_dest file \(directory)/mosquitto.log
            user \(String(cString: getpwuid(getuid()).pointee.pw_name))
            """
        try configuration.write(toFile: directory + "/mosquitto.conf", atomically: true, encoding: .utf8)
        try start()
    }

    /// Starts the broker and waits until it accepts connections.
    func start() throws {
        process = try SpawnedProcess(Self.executable, ["-c", directory + "/mosquitto.conf"])
        for _ in 0..<100 {
            if Self.accepts(port) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw RunningDaemon.Failure("mosquitto did not listen on \(port)")
    }

    /// Stops the broker with SIGTERM (it saves its persistent sessions) and waits for it.
    func stop() {
        process?.stop()
        process = nil
    }

    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw RunningDaemon.Failure("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// `mosquitto_sub` with a persistent session (QoS 1, clean session off), so messages published while
/// it reconnects after a broker restart wait for it; every payload is one line of its output.
final class MosquittoSubscriber {
    private let process: SpawnedProcess
    private let output: String

    init(port: Int, topic: String, clientID: String, directory: String) throws {
        output = directory + "/\(clientID).out"
        process = try SpawnedProcess(
            "/usr/bin/mosquitto_sub", ["-h", "127.0.0.1", "-p", "\(port)", "-q", "1", "-c", "-i", clientID, "-t", topic, "-F", "%p"],
            output: output
        )
    }

    /// The payloads received so far, in order.
    var payloads: [String] {
        ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// The last retained message on `topic`, waiting up to 3 s for it.
    static func retained(port: Int, topic: String) -> String? {
        let result = RunningDaemon.run("/usr/bin/mosquitto_sub", ["-h", "127.0.0.1", "-p", "\(port)", "-t", topic, "-C", "1", "-W", "3"])
        return result.status == 0 ? result.out.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }
}
