import Glibc
public import PoleJSON

/// A client's connection to the control socket: one request, one answer, each a line of JSON.
///
/// Exists for `polectl` and for the tests that drive a running daemon end to end, so both speak
/// the protocol through the same code. Failures say what a technician can do about them.
public final class ControlConnection {
    /// Why the daemon could not be reached or did not answer.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// Nothing listens at the path (no file, or no daemon behind it).
        case unreachable(path: String, reason: String)
        /// The socket exists but this user may not use it.
        case permissionDenied(path: String)
        /// The daemon closed the connection or stopped answering.
        case lost(String)
        /// The answer was not the protocol's JSON.
        case garbled(String)

        public var description: String {
            switch self {
            case .unreachable(let path, let reason):
                "cannot reach poled at \(path): \(reason); is the service running? (systemctl status poled)"
            case .permissionDenied(let path):
                "permission denied on \(path); are you in group poled? (sudo usermod -aG poled $USER, then log in again)"
            case .lost(let reason): "lost the connection to poled: \(reason)"
            case .garbled(let reason): "poled's answer is not protocol JSON: \(reason)"
            }
        }
    }

    private let fd: Int32
    private var buffered: [UInt8] = []
    /// How long to wait for an answer.
    public var timeoutMs: Int32 = 5_000

    /// Connects to the socket at `path`.
    public init(path: String) throws(Failure) {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw .unreachable(path: path, reason: "not a usable socket path")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .unreachable(path: path, reason: String(cString: strerror(errno))) }
        // Connecting to a daemon whose listen queue is full, and writing to one that stopped reading,
        // give up after this long rather than hang the technician's terminal.
        var limit = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            if code == EACCES || code == EPERM { throw .permissionDenied(path: path) }
            if code == EAGAIN || code == EINPROGRESS { throw .unreachable(path: path, reason: "poled accepts no more connections now") }
            throw .unreachable(path: path, reason: code == ENOENT ? "no socket there" : String(cString: strerror(code)))
        }
    }

    deinit {
        close(fd)
    }

    /// Sends one request and waits for its answer. A daemon that answered and closed before taking
    /// the whole request (`busy`, `too-large`) still has its answer read.
    public func send(_ request: JSONValue) throws(Failure) -> JSONValue {
        let line: [UInt8]
        do {
            try write(Array((request.serialized + "\n").utf8))
            line = try readLine()
        } catch Failure.lost(let reason) where reason.hasPrefix("write: ") {
            guard let answered = try? readLine() else { throw .lost(reason) }
            line = answered
        }
        switch JSONReader.parse(line) {
        case .success(let answer): return answer
        case .failure(let error): throw .garbled("\(error)")
        }
    }

    /// Whether the daemon has closed the connection (it is readable and holds no more bytes).
    public var isClosedByPeer: Bool {
        guard buffered.isEmpty else { return false }
        var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, 0) == 1 else { return false }
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_PEEK) | Int32(MSG_DONTWAIT)) <= 0
    }

    /// Writes raw bytes (tests use this to send what a well-behaved client never would).
    public func write(_ bytes: [UInt8]) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw .lost("write: " + String(cString: strerror(errno))) }
            offset += written
        }
    }

    /// Reads one answer line (without its newline).
    public func readLine() throws(Failure) -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let newline = buffered.firstIndex(of: 0x0A) {
                let line = Array(buffered[..<newline])
                buffered.removeSubrange(...newline)
                return line
            }
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, timeoutMs)
            if polled == 0 { throw .lost("no answer within \(timeoutMs) ms") }
            if polled < 0, errno == EINTR { continue }
            let count = recv(fd, &chunk, chunk.count, 0)
            if count == 0 { throw .lost("the daemon closed the connection") }
            if count < 0 {
                if errno == EINTR { continue }
                throw .lost(String(cString: strerror(errno)))
            }
            buffered.append(contentsOf: chunk[0..<count])
        }
    }
}
