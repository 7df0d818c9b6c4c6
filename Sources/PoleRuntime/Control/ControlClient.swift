import PoleProtocol

/// One connection to the control socket, as the server's thread keeps it.
struct ControlClient {
    /// Who is connected, from `SO_PEERCRED`.
    struct Peer: Sendable, Hashable {
        var uid: UInt32
        var gid: UInt32
        var pid: Int32

        /// How the audit trail names the caller.
        var auditName: String { "uid \(uid) gid \(gid)" }
    }

    /// A mutating request handed to the loop, waiting for its outcome.
    struct Awaiting {
        var ticket: UInt64
        var requestID: RequestID?
        var sinceMs: Int64
    }

    let fd: Int32
    let peer: Peer
    /// Bytes received; those before `consumed` are answered.
    var input: [UInt8] = []
    var consumed = 0
    var output: [UInt8] = []
    var lastHeardMs: Int64
    /// When the first byte of the request line not yet finished arrived; `nil` between lines.
    var lineStartedMs: Int64?
    /// When the pending output last moved (or began waiting).
    var lastProgressMs: Int64 = 0
    var awaiting: Awaiting?
    /// The peer has finished sending (EOF): answer what it sent, then close.
    var peerDone = false
    /// Close once the output is written (after a fatal protocol error).
    var closing = false
    /// The connection failed or hung up: close now.
    var gone = false

    init(fd: Int32, peer: Peer, lastHeardMs: Int64) {
        self.fd = fd
        self.peer = peer
        self.lastHeardMs = lastHeardMs
    }

    /// Read more only when everything before has been answered and written: a client that does not
    /// read its answers stops being read.
    var wantsInput: Bool {
        awaiting == nil && !closing && !peerDone && !gone && output.isEmpty && !hasCompleteLine
    }

    var hasCompleteLine: Bool {
        input[consumed...].contains(0x0A)
    }

    /// Drops the answered bytes once they are most of the buffer (one move per batch, not per line),
    /// and notes whether a request line is under way.
    mutating func compactInput(now: Int64) {
        if input.count == consumed {
            lineStartedMs = nil
        } else if lineStartedMs == nil {
            lineStartedMs = now
        }
        guard consumed > 0, consumed >= input.count / 2 else { return }
        input.removeFirst(consumed)
        consumed = 0
    }
}
