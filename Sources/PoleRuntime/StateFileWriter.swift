import Glibc
import SystemPackage

/// Replaces a small state file atomically and durably: a temporary file beside it, `fsync`,
/// `rename`, then `fsync` of the directory, so a power cut leaves either the old file or the new one.
enum StateFileWriter {
    static func replace(_ path: String, with text: String) throws(Errno) {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let temporary = path + ".tmp"
        do {
            let descriptor = try FileDescriptor.open(
                FilePath(temporary), .writeOnly, options: [.create, .truncate, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead]
            )
            try descriptor.closeAfter {
                _ = try descriptor.writeAll(Array(text.utf8))
                guard fsync(descriptor.rawValue) == 0 else { throw Errno(rawValue: errno) }
            }
            guard rename(temporary, path) == 0 else { throw Errno(rawValue: errno) }
            let folder = try FileDescriptor.open(FilePath(directory.isEmpty ? "." : directory), .readOnly, options: [.directory, .closeOnExec])
            try folder.closeAfter {
                guard fsync(folder.rawValue) == 0 else { throw Errno(rawValue: errno) }
            }
        } catch let error as Errno {
            throw error
        } catch {
            throw Errno.ioError
        }
    }
}
