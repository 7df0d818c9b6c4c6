import CUnixSocket
import Dispatch
import Glibc
public import Logging
public import PoleConfig
import PoleCore
import PoleJSON
import PoleLinux
import Synchronization

/// The control socket's server (DESIGN.md §6): newline-delimited JSON on a Unix socket, served from
/// its own thread with `poll`, so no client — malformed, huge, silent or one of a hundred — can
/// stall or crash the control loop, which only reads a mailbox.
///
/// Reads are answered at once from the loop's last snapshot; mutating commands go to the loop
/// through the mailbox with the caller's uid and gid from `SO_PEERCRED`, and are answered when the
/// loop has carried them out (a tick later). Every socket is non-blocking.
public final class ControlServer: @unchecked Sendable {
    /// Limits; the defaults are the daemon's.
    public struct Limits: Sendable {
        /// Connections served at once; one more is answered `busy` and closed.
        public var maxClients = 128
        /// A client that sends nothing for this long is dropped.
        public var idleTimeoutMs: Int64 = 10_000
        /// How long a mutating command may wait for the loop.
        public var answerTimeoutMs: Int64 = 2_000
        /// Bytes of answers a client may leave unread before it is dropped.
        public var maxPendingOutput = 4 * 1_024 * 1_024

        public init(maxClients: Int = 128, idleTimeoutMs: Int64 = 10_000) {
            self.maxClients = maxClients
            self.idleTimeoutMs = idleTimeoutMs
        }
    }

    private let listener: ControlSocketListener
    let mailbox: ControlMailbox
    private let limits: Limits
    private let boundOutputs: Set<Role>
    private let logger: Logger
    private let clock = SystemMonotonicClock()
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    // Confined to the server's thread from `start()` on.
    private var clients: [ControlClient] = []
    private var nextTicket: UInt64 = 1

    /// Opens the socket at `path`, giving it `group` where that group exists and may be set.
    public init(path: String, group: String?, boundOutputs: Set<Role>, limits: Limits, logger: Logger) throws(ControlSocketListener.Failure) {
        let opened = try ControlSocketListener.open(path: path, group: group)
        listener = opened.listener
        for warning in opened.warnings { logger.warning("\(warning)") }
        mailbox = ControlMailbox()
        self.limits = limits
        self.boundOutputs = boundOutputs
        self.logger = logger
    }

    /// Starts serving on a thread of its own.
    public func start() {
        DispatchQueue(label: "poled.control").async { [self] in
            serve()
            finished.signal()
        }
    }

    /// Stops serving, closes every connection and removes the socket file.
    public func stop() {
        stopping.store(true, ordering: .releasing)
        mailbox.wake()
        finished.wait()
    }

    private func serve() {
        var fds: [pollfd] = []
        while !stopping.load(ordering: .acquiring) {
            fds.removeAll(keepingCapacity: true)
            fds.append(pollfd(fd: listener.fd, events: Int16(POLLIN), revents: 0))
            fds.append(pollfd(fd: mailbox.wakeRead, events: Int16(POLLIN), revents: 0))
            for client in clients {
                var events: Int32 = 0
                if client.awaiting == nil, !client.closing, !client.peerDone { events |= Int32(POLLIN) }
                if !client.output.isEmpty { events |= Int32(POLLOUT) }
                fds.append(pollfd(fd: client.fd, events: Int16(events), revents: 0))
            }
            _ = poll(&fds, nfds_t(fds.count), 100)
            let now = clock.now().milliseconds
            if fds[1].revents != 0 { mailbox.drainWake() }
            for index in clients.indices {
                let revents = Int32(fds[index + 2].revents)
                if revents & Int32(POLLIN | POLLHUP | POLLERR) != 0 { receive(&clients[index], now: now) }
                deliverAnswer(&clients[index], now: now)
                process(&clients[index], now: now)
                if revents & Int32(POLLOUT) != 0 || !clients[index].output.isEmpty { flush(&clients[index]) }
            }
            clients.removeAll { client in
                let done = shouldClose(client, now: now)
                if done { close(client.fd) }
                return done
            }
            if fds[0].revents != 0 { acceptAll(now: now) }
        }
        for client in clients { close(client.fd) }
        clients.removeAll()
        listener.close()
    }

    private func acceptAll(now: Int64) {
        while true {
            let fd = poled_accept_nonblocking(listener.fd)
            guard fd >= 0 else {
                if errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR {
                    logger.warning("control socket: accept failed", metadata: ["errno": "\(errno)"])
                }
                return
            }
            var uid: UInt32 = .max
            var gid: UInt32 = .max
            var pid: Int32 = 0
            _ = poled_peer_credentials(fd, &uid, &gid, &pid)
            var client = ControlClient(fd: fd, peer: .init(uid: uid, gid: gid, pid: pid), lastHeardMs: now)
            guard clients.count < limits.maxClients else {
                respond(&client, ControlResponse.failure(
                    ControlError(.busy, "the daemon serves \(limits.maxClients) clients at once; try again"), id: nil
                ))
                flush(&client)
                close(fd)
                continue
            }
            clients.append(client)
        }
    }

    private func receive(_ client: inout ControlClient, now: Int64) {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while client.input.count <= ControlRequest.maxLineBytes + 1 {
            let count = recv(client.fd, &chunk, chunk.count, 0)
            if count > 0 {
                client.input.append(contentsOf: chunk[0..<count])
                client.lastHeardMs = now
            } else if count == 0 {
                client.peerDone = true
                return
            } else {
                if errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR { client.closing = true }
                return
            }
        }
    }

    /// Answers every complete line while no command is waiting for the loop.
    private func process(_ client: inout ControlClient, now: Int64) {
        while client.awaiting == nil, !client.closing {
            guard let newline = client.input.firstIndex(of: 0x0A) else {
                if client.input.count > ControlRequest.maxLineBytes {
                    respond(&client, ControlResponse.failure(
                        ControlError(.tooLarge, "a request is at most \(ControlRequest.maxLineBytes) bytes; closing"), id: nil
                    ))
                    client.input.removeAll()
                    client.closing = true
                }
                return
            }
            var line = Array(client.input[..<newline])
            client.input.removeSubrange(...newline)
            if line.last == 0x0D { line.removeLast() }
            if line.isEmpty { continue }
            handle(line, from: &client, now: now)
        }
    }

    private func handle(_ line: [UInt8], from client: inout ControlClient, now: Int64) {
        let request: ControlRequest
        let id: JSONValue?
        switch ControlRequest.parse(line: line) {
        case .failure(let failure):
            respond(&client, ControlResponse.failure(failure.error, id: failure.id))
            return
        case .success(let parsed):
            (request, id) = parsed
        }
        if request.isMutating {
            switch pending(for: request, by: client.peer.auditName) {
            case .failure(let error):
                respond(&client, ControlResponse.failure(error, id: id))
            case .success(let pending):
                let ticket = nextTicket
                nextTicket += 1
                mailbox.post(ticket, pending)
                client.awaiting = ControlClient.Awaiting(ticket: ticket, requestID: id, sinceMs: now)
            }
            return
        }
        guard let snapshot = mailbox.latest else {
            respond(&client, ControlResponse.failure(ControlError(.busy, "the control loop has not started yet; try again"), id: id))
            return
        }
        respond(&client, ControlResponse.success(answer(request, from: snapshot), id: id))
    }

    private func answer(_ request: ControlRequest, from snapshot: ControlSnapshot) -> JSONValue {
        switch request {
        case .status: snapshot.statusJSON
        case .faults: snapshot.faultsJSON
        case .sensors: snapshot.sensorsJSON
        case .lines: snapshot.linesJSON
        case .air: snapshot.hasAir ? snapshot.airJSON : .null
        case .version: ControlSnapshot.versionJSON(daemon: PoledVersion.string)
        case .events(let sinceMs):
            .array(mailbox.events(sinceMonotonicMs: sinceMs.map { snapshot.uptimeMs - $0 }).map(\.json))
        case .clearFaults, .maintenance, .test, .cleanSensor:
            preconditionFailure("mutating requests go to the loop")
        }
    }

    private func pending(for request: ControlRequest, by: String) -> Result<ControlMailbox.Pending, ControlError> {
        switch request {
        case .clearFaults(let faults, let reason):
            return .success(.command(.clearFaults(faults, by: by, reason: reason)))
        case .maintenance(let on, let durationMs, let reason):
            return .success(.command(.maintenance(on: on, durationMs: durationMs, by: by, reason: reason)))
        case .test(let role, let durationMs):
            return TestTarget.of(role, boundOutputs: boundOutputs).map { .command(.test($0, durationMs: durationMs, by: by)) }
        case .cleanSensor:
            return .success(.cleanSensor(by: by))
        case .status, .faults, .sensors, .lines, .events, .air, .version:
            preconditionFailure("read-only requests are answered from the snapshot")
        }
    }

    private func deliverAnswer(_ client: inout ControlClient, now: Int64) {
        guard let awaiting = client.awaiting else { return }
        if let outcome = mailbox.takeAnswer(awaiting.ticket) {
            switch outcome {
            case .done(let message):
                respond(&client, ControlResponse.success(.object(["result": .string("done"), "message": .string(message)]), id: awaiting.requestID))
            case .refused(let message):
                respond(&client, ControlResponse.failure(ControlError(.refused, message), id: awaiting.requestID))
            }
            client.awaiting = nil
        } else if now - awaiting.sinceMs > limits.answerTimeoutMs {
            respond(&client, ControlResponse.failure(
                ControlError(.timeout, "the control loop did not answer within \(limits.answerTimeoutMs) ms; the command may still take effect, check `polectl status`"),
                id: awaiting.requestID
            ))
            client.awaiting = nil
        }
    }

    private func respond(_ client: inout ControlClient, _ value: JSONValue) {
        client.output.append(contentsOf: ControlResponse.line(value))
        if client.output.count > limits.maxPendingOutput { client.closing = true }
    }

    private func flush(_ client: inout ControlClient) {
        while !client.output.isEmpty {
            let written = client.output.withUnsafeBytes { Glibc.send(client.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written > 0 {
                client.output.removeFirst(written)
            } else {
                if written < 0, errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR {
                    client.output.removeAll()
                    client.closing = true
                }
                return
            }
        }
    }

    private func shouldClose(_ client: ControlClient, now: Int64) -> Bool {
        if client.output.count > limits.maxPendingOutput { return true }
        guard client.output.isEmpty else { return false }
        if client.closing { return true }
        if client.awaiting != nil { return false }
        if client.peerDone { return true }
        return now - client.lastHeardMs > limits.idleTimeoutMs
    }
}
