import Glibc

/// The control socket's listening end: a Unix stream socket at a path, mode 0660, in the configured
/// group.
///
/// Exists to get the file-system side right once: a stale socket left by a crash is replaced, a live
/// one (another poled) is not; the directory is created when missing; a group that does not exist,
/// or cannot be set because systemd forbids chown, is a warning, since the service's own group
/// already owns the socket.
public struct ControlSocketListener: Sendable {
    let fd: Int32
    let path: String

    /// Why the socket could not be opened.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Binds and listens at `path`; returns the listener and any warnings worth logging.
    static func open(path: String, group: String?) throws(Failure) -> (listener: ControlSocketListener, warnings: [String]) {
        var warnings: [String] = []
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count < capacity else {
            throw Failure(description: "control.socket: \"\(path)\" is longer than the \(capacity - 1) bytes a Unix socket path may have")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        try makeParentDirectory(of: path)
        var existing = stat()
        if lstat(path, &existing) == 0 {
            guard existing.st_mode & S_IFMT == S_IFSOCK else {
                throw Failure(description: "control.socket: \(path) exists and is not a socket; poled will not replace it")
            }
            if isLive(&address) {
                throw Failure(description: "\(path): another poled is already listening there; stop it first")
            }
            unlink(path)
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "\(path): socket: \(describe(errno))") }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else {
            let code = errno
            Glibc.close(fd)
            throw Failure(description: "\(path): bind: \(describe(code))")
        }
        guard listen(fd, 128) == 0 else {
            let code = errno
            Glibc.close(fd)
            unlink(path)
            throw Failure(description: "\(path): listen: \(describe(code))")
        }
        if chmod(path, 0o660) != 0 { warnings.append("\(path): chmod 0660 failed: \(describe(errno))") }
        if let group { warnings += setGroup(path: path, group: group) }
        return (ControlSocketListener(fd: fd, path: path), warnings)
    }

    /// Closes the socket and removes its file.
    func close() {
        Glibc.close(fd)
        unlink(path)
    }

    private static func setGroup(path: String, group: String) -> [String] {
        var entry = Glibc.group()
        var result: UnsafeMutablePointer<Glibc.group>?
        var buffer = [CChar](repeating: 0, count: 4_096)
        guard getgrnam_r(group, &entry, &buffer, buffer.count, &result) == 0, result != nil else {
            return ["control.group: group \"\(group)\" does not exist; the socket keeps the daemon's group"]
        }
        guard entry.gr_gid != getegid() else { return [] }
        if chown(path, uid_t.max, entry.gr_gid) != 0 {
            return ["control.group: could not give \(path) to group \"\(group)\": \(describe(errno)); it keeps the daemon's group"]
        }
        return []
    }

    /// Whether something accepts connections at `address` now.
    private static func isLive(_ address: inout sockaddr_un) -> Bool {
        let probe = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard probe >= 0 else { return false }
        defer { Glibc.close(probe) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(probe, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return connected == 0
    }

    private static func makeParentDirectory(of path: String) throws(Failure) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var current = ""
        for part in parts where !part.isEmpty {
            current += "/" + part
            if mkdir(current, 0o750) != 0, errno != EEXIST {
                throw Failure(description: "\(current): cannot create the control socket's directory: \(describe(errno))")
            }
        }
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
