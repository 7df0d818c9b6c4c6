import Dispatch
import Glibc
public import Logging
public import PoleConfig
import PoleJSON
public import PoleHAL
public import PoleStore
public import PoleProtocol
import Synchronization

/// The uplink to the district (issue 9): the store's outbox carried to an MQTT broker with QoS 1,
/// a message leaving the outbox only when the broker acknowledged it; and a retained `status`
/// whose last will says `offline`.
///
/// Topics are `<prefix>/<site>/events` (every stored event, with its store id), `…/air` (every air
/// minute, identified by its UTC time) and `…/status` (retained). Messages go out in outbox order
/// with at most `window` unacknowledged; after an outage libmosquitto sends the unacknowledged ones
/// again and the rest follow in order. A message the broker received but whose acknowledgement
/// was lost is sent again (after a restart, or a new client) with the same id: subscribers drop
/// ids they have seen. Everything runs on the uplink's own queue, never on the loop's thread: the
/// client is created there (resolving the broker's name can take long), and replaced when it has
/// been disconnected for `staleAfterMs`, in case libmosquitto's thread gave up (it stops on some
/// TLS and protocol errors).
public final class MQTTUplink: Sendable {
    /// Unacknowledged messages at most (libmosquitto's default in-flight limit).
    static let window = 20
    /// A client disconnected this long is replaced: three times libmosquitto's longest reconnect delay.
    static let staleAfterMs: Int64 = 180_000
    /// After a client could not be created, the next try waits this long.
    static let retryCreateMs: Int64 = 60_000

    private struct Confined {
        var client: MosquittoClient?
        var nextCreateMs: Int64 = 0
        var disconnectedSinceMs: Int64?
        /// Outbox id of each message the broker has not acknowledged, by MQTT message id.
        var inFlight: [Int32: Int64] = [:]
        /// The highest outbox id handed to the client.
        var cursor: Int64 = 0
        var wasConnected = false
        var nextStatusMs: Int64 = 0
        var sent: Int64 = 0
        var lastLoggedProblem: String?
    }

    private let topicBase: String
    private let statusTopic: String
    private let broker: String
    private let options: MosquittoClient.Options
    private let store: StoreService
    private let status: @Sendable () -> StatusAnswer?
    private let statusIntervalMs: Int64
    private let logger: Logger
    private let state = Mutex(Confined())
    private let queue = DispatchQueue(label: "poled.uplink")
    private let stopped = Atomic<Bool>(false)
    /// Dispatch sources are safe to use from any thread; Dispatch does not say so to the compiler.
    private nonisolated(unsafe) let timer: any DispatchSourceTimer
    private let clock: any MonotonicClock & Sendable

    /// Starts the uplink to the broker in `settings` on its own queue; `status` gives the pole's
    /// status for the retained topic (the control socket's `status` answer). An unreadable password
    /// file is thrown; a client libmosquitto refuses (an unreadable certificate) is logged and tried
    /// again every minute. `clock` times the status, reconnections and the drain at stop.
    public init(
        settings: UplinkSettings, siteID: String, store: StoreService, logger: Logger, clock: any MonotonicClock & Sendable,
        status: @escaping @Sendable () -> StatusAnswer?
    ) throws(UplinkProblem) {
        self.clock = clock
        topicBase = "\(settings.topicPrefix)/\(siteID)/"
        statusTopic = topicBase + "status"
        broker = "\(settings.host):\(settings.effectivePort)"
        var password: String?
        if let file = settings.passwordFile {
            do {
                let bytes = try ByteFile.readAll(path: file, limit: 4_096)
                password = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)
            } catch {
                throw UplinkProblem("\(file): cannot read the uplink password: \(error)")
            }
        }
        options = MosquittoClient.Options(
            clientID: settings.clientID ?? Self.defaultClientID(siteID: siteID), host: settings.host, port: settings.effectivePort,
            keepAliveSeconds: settings.keepAliveSeconds, username: settings.username, password: password,
            caFile: settings.caFile, certFile: settings.certFile, keyFile: settings.keyFile,
            will: (statusTopic, JSONValue.object(["state": .string("offline"), "site": .string(siteID)]).serialized)
        )
        self.store = store
        self.status = status
        statusIntervalMs = settings.statusIntervalMs
        self.logger = logger
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now(), repeating: .milliseconds(100), leeway: .milliseconds(20))
        timer.setEventHandler { [self] in pump() }
        timer.resume()
    }

    /// `poled-<site id>` when that fits MQTT 3.1.1's 23 characters; else the site id's end and a hash
    /// of all of it, so two long site ids that share a beginning never take each other's session.
    static func defaultClientID(siteID: String) -> String {
        let plain = "poled-\(siteID)"
        guard plain.utf8.count > 23 else { return plain }
        var hash: UInt32 = 2_166_136_261
        for byte in siteID.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(hash, radix: 16)
        return "p-" + siteID.suffix(12) + "-" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// The link as `status` shows it (`ControlAnswers`).
    public var link: (broker: String, connected: Bool, sent: Int64, inFlight: Int, problem: String?) {
        let confined = state.withLock { $0 }
        let reports = confined.client?.reports.withLock { $0 }
        return (broker, reports?.connected ?? false, confined.sent, confined.inFlight.count, reports?.lastProblem ?? confined.lastLoggedProblem)
    }

    /// Publishes `offline` (retained), waits up to `timeoutMs` for the in-flight messages to be
    /// acknowledged (handed to the store, which deletes them at its last write), and disconnects.
    /// Gives up 2 s after that (a client still resolving the broker's name, say): the daemon's exit
    /// must not wait on the network. `false` when it gave up. A second call does nothing more.
    @discardableResult
    public func stop(timeoutMs: Int) -> Bool {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return true }
        let graceMs = Int64(timeoutMs)
        timer.cancel()
        let done = DispatchSemaphore(value: 0)
        queue.async { [self] in
            defer { done.signal() }
            guard let client = state.withLock({ $0.client }) else { return }
            let connected = client.reports.withLock { $0.connected }
            if connected {
                _ = client.publish(topic: statusTopic, payload: JSONValue.object(["state": .string("offline")]).serialized, retain: true)
                let deadline = clock.now().milliseconds + graceMs
                while clock.now().milliseconds < deadline, !state.withLock({ $0.inFlight.isEmpty }) {
                    usleep(20_000)
                    settleAcknowledgements(client)
                }
            }
            client.shutDown(force: !connected)
        }
        guard done.wait(timeout: .now() + .milliseconds(timeoutMs + 2_000)) == .success else {
            logger.warning("uplink did not stop in time; poled exits without its clean disconnect", metadata: ["broker": "\(broker)"])
            return false
        }
        return true
    }

    /// Runs on the uplink's queue every 100 ms.
    private func pump() {
        let now = clock.now().milliseconds
        guard let client = currentClient(now: now) else { return }
        let reports = client.reports.withLock { $0 }
        settleAcknowledgements(client)
        let connected = reports.connected
        let problem = state.withLock { confined -> String? in
            defer { confined.wasConnected = connected }
            if connected {
                confined.disconnectedSinceMs = nil
                confined.lastLoggedProblem = nil
                if !confined.wasConnected { confined.nextStatusMs = now }
                return nil
            }
            if confined.disconnectedSinceMs == nil { confined.disconnectedSinceMs = now }
            guard let problem = reports.lastProblem, problem != confined.lastLoggedProblem else { return nil }
            confined.lastLoggedProblem = problem
            return problem
        }
        if let problem { logger.warning("uplink not connected; the outbox keeps everything", metadata: ["broker": "\(broker)", "problem": "\(problem)"]) }
        guard connected else {
            replaceIfStale(client, now: now)
            return
        }
        if state.withLock({ now >= $0.nextStatusMs }) {
            var payload: [String: JSONValue] = ["state": .string("online")]
            if case .object(let fields)? = status()?.json { payload.merge(fields) { ours, _ in ours } }
            if case .success = client.publish(topic: statusTopic, payload: JSONValue.object(payload).serialized, retain: true) {
                state.withLock { $0.nextStatusMs = now + statusIntervalMs }
            }
        }
        let (cursor, room) = state.withLock { ($0.cursor, Self.window - $0.inFlight.count) }
        guard room > 0 else { return }
        for message in store.outbox(afterID: cursor, limit: room) {
            switch client.publish(topic: topicBase + message.kind.rawValue, payload: message.payload, retain: false) {
            case .success(let messageID):
                state.withLock {
                    $0.inFlight[messageID] = message.id
                    $0.cursor = message.id
                }
            case .failure(let problem):
                let first = state.withLock { confined in
                    defer { confined.lastLoggedProblem = problem.description }
                    return confined.lastLoggedProblem != problem.description
                }
                if first { logger.error("uplink cannot publish; tried again", metadata: ["problem": "\(problem)"]) }
                return
            }
        }
    }

    /// The client, created here on the first pump and again a minute after a failed creation.
    private func currentClient(now: Int64) -> MosquittoClient? {
        if let client = state.withLock({ $0.client }) { return client }
        guard state.withLock({ now >= $0.nextCreateMs }) else { return nil }
        do {
            let client = try MosquittoClient(options)
            state.withLock {
                $0.client = client
                $0.disconnectedSinceMs = now
            }
            return client
        } catch {
            state.withLock {
                $0.nextCreateMs = now + Self.retryCreateMs
                $0.lastLoggedProblem = error.description
            }
            logger.error("uplink client not created; tried again in a minute", metadata: ["broker": "\(broker)", "problem": "\(error)"])
            return nil
        }
    }

    /// Replaces a client disconnected for `staleAfterMs`; its unacknowledged messages are sent again
    /// by the next one, from the oldest.
    private func replaceIfStale(_ client: MosquittoClient, now: Int64) {
        guard let since = state.withLock({ $0.disconnectedSinceMs }), now - since >= Self.staleAfterMs else { return }
        logger.warning("uplink disconnected for 3 minutes; starting a new MQTT client", metadata: ["broker": "\(broker)"])
        client.shutDown(force: true)
        state.withLock {
            $0.client = nil
            $0.inFlight = [:]
            $0.cursor = 0
            $0.disconnectedSinceMs = nil
        }
    }

    /// Hands the broker's acknowledgements to the store, which deletes those outbox rows.
    private func settleAcknowledgements(_ client: MosquittoClient) {
        let acknowledged = client.reports.withLock { reports in
            defer { reports.acknowledged.removeAll() }
            return reports.acknowledged
        }
        for messageID in acknowledged {
            guard let outboxID = state.withLock({ $0.inFlight.removeValue(forKey: messageID) }) else { continue }
            store.acknowledge(outboxID)
            state.withLock { $0.sent += 1 }
        }
    }
}
