import Glibc
import SystemPackage

/// The file that holds the store's guard (`StoreGuard`): `<store path>.guard-v1`, beside the
/// database, replaced atomically (written beside it, fsynced, renamed over it, its folder fsynced),
/// so a power cut leaves the old guard or the new one, never half of one.
///
/// The name carries the format's version: a later format gets a new file rather than a file this
/// poled would misread, and the `latched-faults` file of poled before the store (imported once and
/// renamed) is never confused with it.
struct StoreGuardFile: Sendable {
    /// What reading the guard found.
    enum Reading: Sendable, Hashable {
        /// No guard yet: a first start, or a store from before guards.
        case absent
        case read(StoreGuard)
        /// The file exists but cannot be read or fails its checksum: what it held is lost.
        case unreadable(String)
    }

    let path: String

    init(storePath: String) {
        path = storePath + ".guard-v1"
    }

    func read() -> Reading {
        let bytes: [UInt8]
        do {
            bytes = try ByteFile.readAll(path: path, limit: 4_096)
        } catch Errno.noSuchFileOrDirectory {
            return .absent
        } catch {
            return .unreadable("\(path): cannot read: \(error)")
        }
        do {
            return .read(try StoreGuard(text: bytes))
        } catch {
            return .unreadable("\(path): \(error)")
        }
    }

    /// Replaces the guard with `value`; throws a message naming the step and the errno when any step
    /// fails (then the old guard, if any, is still in place).
    func write(_ value: StoreGuard) throws(StateFileProblem) {
        let temporary = path + ".new"
        let bytes = Array(value.text.utf8)
        let handle = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard handle >= 0 else { throw problem("cannot create \(temporary)") }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(handle, $0.baseAddress! + written, bytes.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let failure = problem("cannot write \(temporary)")
                close(handle)
                unlink(temporary)
                throw failure
            }
            written += count
        }
        guard fsync(handle) == 0 else {
            let failure = problem("cannot sync \(temporary)")
            close(handle)
            unlink(temporary)
            throw failure
        }
        close(handle)
        guard rename(temporary, path) == 0 else {
            let failure = problem("cannot rename \(temporary) over it")
            unlink(temporary)
            throw failure
        }
        try syncFolder(of: path)
    }

    private func problem(_ doing: String) -> StateFileProblem {
        StateFileProblem(path: path, message: "\(doing): \(Errno(rawValue: errno))")
    }
}

/// Syncs the folder holding `path`, so a rename into it survives a power cut.
func syncFolder(of path: String) throws(StateFileProblem) {
    let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
    let handle = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard handle >= 0 else { throw StateFileProblem(path: folder, message: "cannot open to sync: \(Errno(rawValue: errno))") }
    defer { close(handle) }
    guard fsync(handle) == 0 else { throw StateFileProblem(path: folder, message: "cannot sync: \(Errno(rawValue: errno))") }
}
