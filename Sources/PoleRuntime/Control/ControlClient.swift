import PoleJSON

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
        var requestID: JSONValue?
        var sinceMs: Int64
    }

    let fd: Int32
    let peer: Peer
    var input: [UInt8] = []
    var output: [UInt8] = []
    var lastHeardMs: Int64
    var awaiting: Awaiting?
    /// The peer has finished sending (EOF): answer what it sent, then close.
    var peerDone = false
    /// Close once the output is written (after a fatal protocol error).
    var closing = false
}
