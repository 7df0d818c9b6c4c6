import Glibc
public import PoleJSON

/// A client's connection to the control socket: one request, one answer, each a line of JSON.
///
/// Exists for `polectl` and for the tests that drive a running daemon end to end, so both speak
/// the protocol through the same code; plain Glibc sockets, so the CLI links nothing of the daemon's. Failures say what a technician can do about them. Before it
/// sends anything it makes sure it talks to poled: the socket's folder must be one only root, poled's
/// user or the caller can change (`FolderTrust`), and the server must run as one of them
/// (`SO_PEERCRED`), so a socket another user put in its place never sees a command.
public final class ControlConnection {
    /// Why the daemon could not be reached or did not answer.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// Nothing listens at the path (no file, or no daemon behind it).
        case unreachable(path: String, reason: String)
        /// The socket exists but this user may not use it; `group` is the socket's (or its folder's).
        case permissionDenied(path: String, group: String)
        /// The socket's folder, or the server behind it, could be another user's.
        case untrusted(path: String, reason: String)
        /// The daemon closed the connection or stopped answering.
        case lost(String)
        /// The answer was not the protocol's JSON.
        case garbled(String)

        public var description: String {
            switch self {
            case .unreachable(let path, let reason):
                "cannot reach poled at \(path): \(reason); is the service running? (systemctl status poled)"
            case .permissionDenied(let path, let group):
                "permission denied on \(path); are you in group \(group)? (sudo usermod -aG \(group) $USER, then log in again)"
            case .untrusted(let path, let reason):
                "will not talk to \(path): \(reason); another user may have put it there to pose as poled"
            case .lost(let reason): "lost the connection to poled: \(reason)"
            case .garbled(let reason): "poled's answer is not protocol JSON: \(reason)"
            }
        }
    }

    /// The uids poled may run as: root, the `poled` system user when there is one, and the caller
    /// (a demo started by the same user).
    public static let trustedServerUIDs: Set<UInt32> = {
        var uids: Set<UInt32> = [0, getuid()]
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4_096)
        if getpwnam_r("poled", &entry, &buffer, buffer.count, &result) == 0, result != nil { uids.insert(entry.pw_uid) }
        return uids
    }()

    private let fd: Int32
    private var buffered: [UInt8] = []
    /// How long to wait for an answer.
    public var timeoutMs: Int32 = 5_000

    /// Connects to the socket at `path`, and makes sure poled is what answers there.
    public init(path: String) throws(Failure) {
        if case .untrusted(let reason)? = FolderTrust(trusting: Self.trustedServerUIDs).problem(folder: FolderTrust.folder(of: path)) {
            throw .untrusted(path: path, reason: reason)
        }
        fd = try Self.connect(path)
        var credentials = PeerCredentials()
        var length = socklen_t(MemoryLayout<PeerCredentials>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0 else {
            throw .untrusted(path: path, reason: "cannot tell who serves it: \(String(cString: strerror(errno)))")
        }
        guard Self.trustedServerUIDs.contains(credentials.uid) else {
            let server = FolderTrust.describe(uid: credentials.uid)
            throw .untrusted(path: path, reason: "the server there runs as \(server), not as root, poled or you")
        }
    }

    /// `struct ucred`, which Glibc's module map leaves out (it needs `_GNU_SOURCE`).
    private struct PeerCredentials {
        var pid: Int32 = 0
        var uid: UInt32 = .max
        var gid: UInt32 = .max
    }

    private static func connect(_ path: String) throws(Failure) -> Int32 {
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
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .unreachable(path: path, reason: String(cString: strerror(errno))) }
        // Connecting to a daemon whose listen queue is full, and writing to one that stopped reading,
        // give up after this long rather than hang the technician's terminal.
        var limit = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            if code == EACCES || code == EPERM { throw .permissionDenied(path: path, group: group(of: path)) }
            if code == EAGAIN || code == EINPROGRESS { throw .unreachable(path: path, reason: "poled accepts no more connections now") }
            throw .unreachable(path: path, reason: code == ENOENT ? "no socket there" : String(cString: strerror(code)))
        }
        return fd
    }

    /// The group a user must join: the socket's (`[control] group`, which this client cannot read
    /// from the site file), else its folder's when the socket is out of sight, else `poled`.
    private static func group(of path: String) -> String {
        var status = stat()
        guard stat(path, &status) == 0 || stat(FolderTrust.folder(of: path), &status) == 0 else { return "poled" }
        var entry = Glibc.group()
        var result: UnsafeMutablePointer<Glibc.group>?
        var buffer = [CChar](repeating: 0, count: 4_096)
        guard getgrgid_r(status.st_gid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.gr_name else {
            return "\(status.st_gid)"
        }
        return String(cString: name)
    }

    deinit {
        close(fd)
    }

    /// Sends one request and waits for its answer. A daemon that answered and closed before taking
    /// the whole request (`busy`, `too-large`) still has its answer read.
    public func send(_ request: JSONValue) throws(Failure) -> JSONValue {
        let line: [UInt8]
        do throws(Failure) {
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

    /// Sends `request` and reads its answer.
    public func call(_ request: ControlRequest) throws(Failure) -> ControlReply {
        ControlReply(try send(request.json()))
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
