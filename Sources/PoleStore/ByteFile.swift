public import SystemPackage

/// A file or standard stream that takes bytes in large writes, retrying short writes and EINTR.
///
/// Used for the trace (buffered by the caller, written here in one place) and for the state files
/// beside the store.
public struct ByteFile: Sendable {
    private let descriptor: FileDescriptor
    private let ownsDescriptor: Bool

    /// Standard output.
    public static let standardOutput = ByteFile(descriptor: .standardOutput, ownsDescriptor: false)

    private init(descriptor: FileDescriptor, ownsDescriptor: Bool) {
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
    }

    /// Creates or truncates `path` for writing (mode 0644).
    public static func create(path: String) throws(Errno) -> ByteFile {
        do {
            let descriptor = try FileDescriptor.open(
                FilePath(path), .writeOnly, options: [.create, .truncate, .closeOnExec],
                permissions: [.ownerReadWrite, .groupRead, .otherRead]
            )
            return ByteFile(descriptor: descriptor, ownsDescriptor: true)
        } catch let error as Errno {
            throw error
        } catch {
            throw Errno.ioError
        }
    }

    /// Reads the whole of `path`, refusing files over `limit` bytes.
    public static func readAll(path: String, limit: Int) throws(Errno) -> [UInt8] {
        do {
            let descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
            return try descriptor.closeAfter {
                var bytes: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let count = try chunk.withUnsafeMutableBytes { try descriptor.read(into: $0, retryOnInterrupt: true) }
                    if count == 0 { return bytes }
                    bytes += chunk[0..<count]
                    if bytes.count > limit { throw Errno.fileTooLarge }
                }
            }
        } catch let error as Errno {
            throw error
        } catch {
            throw Errno.ioError
        }
    }

    /// Writes all of `bytes`.
    public func write(_ bytes: [UInt8]) throws(Errno) {
        guard !bytes.isEmpty else { return }
        do {
            _ = try descriptor.writeAll(bytes)
        } catch let error as Errno {
            throw error
        } catch {
            throw Errno.ioError
        }
    }

    /// Closes the file if this value opened it.
    public func close() throws(Errno) {
        guard ownsDescriptor else { return }
        do {
            try descriptor.close()
        } catch let error as Errno {
            throw error
        } catch {
            throw Errno.ioError
        }
    }
}
