import Foundation
import Glibc

/// A server at a Unix socket path that answers every request line with one fixed answer line: a
/// recorded daemon answer played back to polectl (`ProtocolReplayTests`).
final class StandInDaemon: @unchecked Sendable {
    let path: String
    private let listener: Int32
    private let stopping = NSLock()
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    init(path: String, answer: String) throws {
        self.path = path
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8)
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(listener, 8) == 0 else {
            close(listener)
            throw RunningDaemon.Failure("stand-in daemon at \(path): \(String(cString: strerror(errno)))")
        }
        let line = Array((answer + "\n").utf8)
        Thread.detachNewThread { [self] in
            serve(answering: line)
            finished.signal()
        }
    }

    /// Stops accepting, and removes the socket.
    func stop() {
        stopping.withLock { stopped = true }
        finished.wait()
        close(listener)
        unlink(path)
    }

    private func serve(answering line: [UInt8]) {
        while !stopping.withLock({ stopped }) {
            var ready = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 50) == 1 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            Thread.detachNewThread {
                var chunk = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let count = recv(client, &chunk, chunk.count, 0)
                    guard count > 0 else { break }
                    for byte in chunk[0..<count] where byte == 0x0A {
                        _ = line.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    }
                }
                close(client)
            }
        }
    }
}
