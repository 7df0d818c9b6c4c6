import CUnixSocket
import Dispatch
import Glibc
public import Logging
public import PoleCore
import PoleJSON
import PoleLinux
public import PoleProtocol
public import PoleStore
public import PoleUplink
import Synchronization

/// The control socket's server (docs/protocol.md): newline-delimited JSON on a Unix socket, served from
/// its own thread with `poll`, so no client — malformed, huge, silent, flooding, never reading, or
/// one of a hundred — can stall or crash the control loop, which only reads a mailbox.
///
/// Reads are answered at once from the loop's last snapshot; mutating commands go to the loop
/// through the mailbox with the caller's uid and gid from `SO_PEERCRED`, and are answered when the
/// loop has carried them out (a tick later). Every socket is non-blocking. The connections' state
/// lives inside `serve()`, on the server's thread only.
public final class ControlServer: Sendable {
    /// Limits; the defaults are the daemon's.
    public struct Limits: Sendable {
        /// Connections served at once; one more is answered `busy` and closed. The last place is
        /// root's: other users are turned away at `maxClients - 1`.
        public var maxClients: Int
        /// Connections one uid may hold at once, root's included.
        public var maxClientsPerUid: Int
        /// A client that sends nothing, or reads nothing of its answers, for this long is dropped.
        public var idleTimeoutMs: Int64
        /// A request line not finished this long after its first byte is answered `timeout` and its
        /// client dropped: a client trickling a line byte by byte is never silent.
        public var requestTimeoutMs: Int64
        /// How long a mutating command may wait for the loop.
        public var answerTimeoutMs: Int64 = 2_000
        /// Bytes of answers a client may leave unread before it is dropped.
        public var maxPendingOutput = 1_024 * 1_024
        /// Complete lines answered per client per round, so one flooding client cannot starve the rest.
        public var linesPerRound = 32

        public init(maxClients: Int = 128, maxClientsPerUid: Int = 16, idleTimeoutMs: Int64 = 10_000, requestTimeoutMs: Int64 = 5_000) {
            self.maxClients = maxClients
            self.maxClientsPerUid = maxClientsPerUid
            self.idleTimeoutMs = idleTimeoutMs
            self.requestTimeoutMs = requestTimeoutMs
        }
    }

    /// The connections and the bookkeeping of one `serve()`.
    private struct Connections {
        var clients: [ControlClient] = []
        var nextTicket: UInt64 = 1
        /// Tickets of clients that went away before their answer came; their answers are dropped.
        var abandoned: Set<UInt64> = []
        /// While the process is out of file descriptors, the listener rests until then.
        var acceptPausedUntilMs: Int64 = 0
        var lastAcceptWarningMs: Int64 = .min
    }

    private let listener: ControlSocketListener
    let mailbox = ControlMailbox()
    private let limits: Limits
    private let boundOutputs: Set<Role>
    private let logger: Logger
    private let store: StoreService?
    private let uplink: MQTTUplink?
    private let clock = SystemMonotonicClock()
    private let started = Atomic<Bool>(false)
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// Opens the socket at `path`, giving it `group` where that group exists and may be set.
    /// `store`, when given, answers `events` and adds its sizes to `status`.
    public init(
        path: String, group: String?, boundOutputs: Set<Role>, limits: Limits, store: StoreService? = nil, uplink: MQTTUplink? = nil,
        logger: Logger
    ) throws(ControlSocketListener.Failure) {
        let opened = try ControlSocketListener.open(path: path, group: group)
        listener = opened.listener
        self.store = store
        self.uplink = uplink
        for warning in opened.warnings { logger.warning("\(warning)") }
        self.limits = limits
        self.boundOutputs = boundOutputs
        self.logger = logger
    }

    /// Starts serving on a thread of its own (once).
    public func start() {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { return }
        DispatchQueue(label: "poled.control").async { [self] in
            serve()
            finished.signal()
        }
    }

    /// Stops serving, closes every connection and removes the socket file.
    public func stop() {
        guard started.load(ordering: .acquiring) else {
            listener.close()
            return
        }
        stopping.store(true, ordering: .releasing)
        mailbox.wake()
        finished.wait()
    }

    private func serve() {
        var state = Connections()
        var fds: [pollfd] = []
        while !stopping.load(ordering: .acquiring) {
            let before = clock.now().milliseconds
            let listening = before >= state.acceptPausedUntilMs
            fds.removeAll(keepingCapacity: true)
            fds.append(pollfd(fd: listening ? listener.fd : -1, events: Int16(POLLIN), revents: 0))
            fds.append(pollfd(fd: mailbox.wakeRead, events: Int16(POLLIN), revents: 0))
            for client in state.clients {
                var events: Int32 = 0
                if client.wantsInput { events |= Int32(POLLIN) }
                if !client.output.isEmpty { events |= Int32(POLLOUT) }
                fds.append(pollfd(fd: client.fd, events: Int16(events), revents: 0))
            }
            _ = poll(&fds, nfds_t(fds.count), 100)
            let now = clock.now().milliseconds
            if fds[1].revents != 0 { mailbox.drainWake() }
            if !state.abandoned.isEmpty { state.abandoned = mailbox.discardAnswers(state.abandoned) }
            for index in state.clients.indices {
                let revents = Int32(fds[index + 2].revents)
                if revents & Int32(POLLHUP | POLLERR) != 0, revents & Int32(POLLIN) == 0 {
                    state.clients[index].gone = true
                    continue
                }
                if revents & Int32(POLLIN) != 0 { receive(&state.clients[index], now: now) }
                deliverAnswer(&state.clients[index], now: now)
                process(&state.clients[index], nextTicket: &state.nextTicket, now: now)
                expireUnfinishedLine(&state.clients[index], now: now)
                if !state.clients[index].output.isEmpty { flush(&state.clients[index], now: now) }
            }
            state.clients.removeAll { client in
                guard client.gone || shouldClose(client, now: now) else { return false }
                if let ticket = client.awaiting?.ticket { state.abandoned.insert(ticket) }
                close(client.fd)
                return true
            }
            if listening, fds[0].revents != 0 { acceptAll(&state, now: now) }
        }
        for client in state.clients { close(client.fd) }
        listener.close()
    }

    private func acceptAll(_ state: inout Connections, now: Int64) {
        while true {
            let fd = poled_accept_nonblocking(listener.fd)
            guard fd >= 0 else {
                let code = errno
                if code == EMFILE || code == ENFILE {
                    state.acceptPausedUntilMs = now + 1_000
                    if now - state.lastAcceptWarningMs >= 60_000 {
                        state.lastAcceptWarningMs = now
                        logger.warning("control socket: out of file descriptors; new clients wait", metadata: ["errno": "\(code)"])
                    }
                } else if code != EAGAIN, code != EWOULDBLOCK, code != EINTR, code != ECONNABORTED {
                    logger.warning("control socket: accept failed", metadata: ["errno": "\(code)"])
                }
                return
            }
            var uid: UInt32 = .max
            var gid: UInt32 = .max
            var pid: Int32 = 0
            _ = poled_peer_credentials(fd, &uid, &gid, &pid)
            var client = ControlClient(fd: fd, peer: .init(uid: uid, gid: gid, pid: pid), lastHeardMs: now)
            if let refusal = admission(of: client.peer, among: state.clients) {
                respond(&client, ControlResponse.failure(ControlError(.busy, refusal), id: nil), now: now)
                flush(&client, now: now)
                close(fd)
                continue
            }
            state.clients.append(client)
        }
    }

    /// Why a new connection from `peer` is turned away, or `nil` to admit it: the last of
    /// `maxClients` places is root's, and no uid holds more than `maxClientsPerUid`, so no crowd of
    /// users, nor one user's many connections, can lock root's `polectl` out.
    private func admission(of peer: ControlClient.Peer, among clients: [ControlClient]) -> String? {
        let placesForPeer = peer.uid == 0 ? limits.maxClients : limits.maxClients - 1
        if clients.count >= placesForPeer {
            return "the daemon serves \(limits.maxClients) clients at once (the last place is kept for root); try again"
        }
        let held = clients.count { $0.peer.uid == peer.uid }
        if held >= limits.maxClientsPerUid {
            return "uid \(peer.uid) already holds \(held) connections, the most one user may (control.max_clients_per_uid); close one and try again"
        }
        return nil
    }

    /// Answers `timeout` and closes a client whose request line has not reached its newline within
    /// `requestTimeoutMs` of its first byte.
    private func expireUnfinishedLine(_ client: inout ControlClient, now: Int64) {
        guard let started = client.lineStartedMs, now - started > limits.requestTimeoutMs, !client.closing, client.awaiting == nil,
              !client.hasCompleteLine
        else { return }
        let limit = DurationText.format(milliseconds: limits.requestTimeoutMs)
        respond(&client, ControlResponse.failure(
            ControlError(.timeout, "a request must reach its newline within \(limit) of its first byte; closing"), id: nil
        ), now: now)
        client.closing = true
    }

    private func receive(_ client: inout ControlClient, now: Int64) {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while client.input.count - client.consumed <= ControlProtocol.maxLineBytes + 1 {
            let count = recv(client.fd, &chunk, chunk.count, 0)
            if count > 0 {
                client.input.append(contentsOf: chunk[0..<count])
                client.lastHeardMs = now
            } else if count == 0 {
                client.peerDone = true
                return
            } else {
                if errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR { client.gone = true }
                return
            }
        }
    }

    /// Answers up to `linesPerRound` complete lines while no command is waiting for the loop.
    private func process(_ client: inout ControlClient, nextTicket: inout UInt64, now: Int64) {
        var answered = 0
        while client.awaiting == nil, !client.closing, client.output.count < limits.maxPendingOutput, answered < limits.linesPerRound {
            guard let newline = client.input[client.consumed...].firstIndex(of: 0x0A) else {
                if client.input.count - client.consumed > ControlProtocol.maxLineBytes {
                    respond(&client, ControlResponse.failure(
                        ControlError(.tooLarge, "a request is at most \(ControlProtocol.maxLineBytes) bytes; closing"), id: nil
                    ), now: now)
                    client.closing = true
                }
                break
            }
            var line = Array(client.input[client.consumed..<newline])
            client.consumed = newline + 1
            client.lineStartedMs = nil
            if line.last == 0x0D { line.removeLast() }
            if line.isEmpty { continue }
            answered += 1
            handle(line, from: &client, nextTicket: &nextTicket, now: now)
        }
        client.compactInput(now: now)
    }

    private func handle(_ line: [UInt8], from client: inout ControlClient, nextTicket: inout UInt64, now: Int64) {
        let request: ControlRequest
        let id: RequestID?
        switch ControlRequest.parse(line: line) {
        case .failure(let failure):
            respond(&client, ControlResponse.failure(failure.error, id: failure.id), now: now)
            return
        case .success(let parsed):
            (request, id) = parsed
        }
        if request.isMutating {
            switch pending(for: request, by: client.peer.auditName) {
            case .failure(let error):
                respond(&client, ControlResponse.failure(error, id: id), now: now)
            case .success(let pending):
                let ticket = nextTicket
                nextTicket += 1
                mailbox.post(ticket, pending)
                client.awaiting = ControlClient.Awaiting(ticket: ticket, requestID: id, sinceMs: now)
            }
            return
        }
        guard let snapshot = mailbox.latest else {
            respond(&client, ControlResponse.failure(ControlError(.busy, "the control loop has not started yet; try again"), id: id), now: now)
            return
        }
        respond(&client, ControlResponse.success(answer(request, from: snapshot, now: now), id: id), now: now)
    }

    private func answer(_ request: ControlRequest, from snapshot: ControlSnapshot, now: Int64) -> JSONValue {
        switch request {
        case .status: ControlAnswers.status(snapshot, ageMs: now - snapshot.publishedMonotonicMs, store: store, uplink: uplink).json
        case .faults: ControlAnswers.faults(snapshot).json
        case .sensors: ControlAnswers.sensors(snapshot).json
        case .lines: ControlAnswers.lines(snapshot).json
        case .air: ControlAnswers.air(snapshot).json
        case .version: ControlAnswers.version.json
        case .events(let sinceMs): events(sinceMs: sinceMs, snapshot: snapshot).map(ControlAnswers.event).json
        case .clearFaults, .maintenance, .test, .cleanSensor:
            preconditionFailure("mutating requests go to the loop")
        }
    }

    /// The `status` answer now, as the uplink publishes it; `nil` before the loop's first snapshot.
    public func statusAnswer() -> StatusAnswer? {
        mailbox.latest.map { snapshot in
            ControlAnswers.status(
                snapshot, ageMs: clock.now().milliseconds - snapshot.publishedMonotonicMs, store: store, uplink: uplink
            )
        }
    }

    /// Events from the store; from the in-memory log when the store cannot be read (said in the log).
    private func events(sinceMs: Int64?, snapshot: ControlSnapshot) -> [EventLog.Entry] {
        if let store {
            do {
                return try store.events(sinceUtcMs: sinceMs.map { snapshot.utcMs - $0 }, limit: EventLog.defaultCapacity)
            } catch {
                logger.error("cannot read events from the store; answering from memory", metadata: ["error": "\(error)"])
            }
        }
        return mailbox.events(sinceMonotonicMs: sinceMs.map { snapshot.uptimeMs - $0 })
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
                respond(&client, ControlResponse.success(CommandAnswer(done: message).json, id: awaiting.requestID), now: now)
            case .refused(let message):
                respond(&client, ControlResponse.failure(ControlError(.refused, message), id: awaiting.requestID), now: now)
            }
            client.awaiting = nil
        } else if now - awaiting.sinceMs > limits.answerTimeoutMs {
            respond(&client, ControlResponse.failure(
                ControlError(.timeout, "the control loop did not answer within \(limits.answerTimeoutMs) ms; the command may still take effect, check `polectl status`"),
                id: awaiting.requestID
            ), now: now)
            client.awaiting = nil
        }
    }

    private func respond(_ client: inout ControlClient, _ line: [UInt8], now: Int64) {
        if client.output.isEmpty { client.lastProgressMs = now }
        client.output.append(contentsOf: line)
    }

    private func flush(_ client: inout ControlClient, now: Int64) {
        while !client.output.isEmpty {
            let written = client.output.withUnsafeBytes { Glibc.send(client.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written > 0 {
                client.output.removeFirst(written)
                client.lastProgressMs = now
            } else {
                if written < 0, errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR {
                    client.output.removeAll()
                    client.gone = true
                }
                return
            }
        }
    }

    private func shouldClose(_ client: ControlClient, now: Int64) -> Bool {
        if client.output.count > limits.maxPendingOutput { return true }
        if !client.output.isEmpty { return now - client.lastProgressMs > limits.idleTimeoutMs }
        if client.closing { return true }
        if client.awaiting != nil { return false }
        if client.peerDone { return client.input.count == client.consumed || !client.hasCompleteLine }
        return now - client.lastHeardMs > limits.idleTimeoutMs
    }
}
