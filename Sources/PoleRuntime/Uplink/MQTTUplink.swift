import Dispatch
import Glibc
public import Logging
public import PoleConfig
public import PoleJSON
import PoleLinux
import Synchronization

/// The uplink to the district (issue 9): the store's outbox carried to an MQTT broker with QoS 1,
/// a message leaving the outbox only when the broker acknowledged it; and a retained `status`
/// whose last will says `offline`.
///
/// Topics are `<prefix>/<site>/events` (every stored event, with its store id), `…/air` (every air
/// minute, identified by its UTC start) and `…/status` (retained). Messages go out in outbox order
/// with at most `window` unacknowledged; after an outage libmosquitto sends the unacknowledged ones
/// again and the rest follow in order. A message the broker received but whose acknowledgement
/// was lost is sent again after a restart, with the same id: subscribers drop ids they have seen.
public final class MQTTUplink: Sendable {
    /// Unacknowledged messages at most (libmosquitto's default in-flight limit).
    static let window = 20

    private struct Confined {
        /// Outbox id of each message the broker has not acknowledged, by MQTT message id.
        var inFlight: [Int32: Int64] = [:]
        /// The highest outbox id handed to the client.
        var cursor: Int64 = 0
        var wasConnected = false
        var nextStatusMs: Int64 = 0
        var sent: Int64 = 0
        var lastLoggedProblem: String?
    }

    public let topics: PoleStore.Topics
    private let statusTopic: String
    private let broker: String
    private let client: MosquittoClient
    private let store: StoreService
    private let status: @Sendable () -> JSONValue?
    private let statusIntervalMs: Int64
    private let logger: Logger
    private let state = Mutex(Confined())
    private let queue = DispatchQueue(label: "poled.uplink")
    /// Dispatch sources are safe to use from any thread; Dispatch does not say so to the compiler.
    private nonisolated(unsafe) let timer: any DispatchSourceTimer
    private let clock = SystemMonotonicClock()

    /// The topics a site's uplink publishes to; the store queues messages for them.
    public static func topics(_ settings: UplinkSettings, siteID: String) -> PoleStore.Topics {
        PoleStore.Topics(events: "\(settings.topicPrefix)/\(siteID)/events", air: "\(settings.topicPrefix)/\(siteID)/air")
    }

    /// Starts connecting to the broker in `settings`; `status` gives the pole's status for the
    /// retained topic. A set-up libmosquitto refuses (an unreadable certificate) is thrown.
    public init(
        settings: UplinkSettings, siteID: String, store: StoreService, logger: Logger, status: @escaping @Sendable () -> JSONValue?
    ) throws(UplinkProblem) {
        topics = Self.topics(settings, siteID: siteID)
        statusTopic = "\(settings.topicPrefix)/\(siteID)/status"
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
        client = try MosquittoClient(MosquittoClient.Options(
            clientID: settings.clientID ?? String("poled-\(siteID)".prefix(23)), host: settings.host, port: settings.effectivePort,
            keepAliveSeconds: settings.keepAliveSeconds, username: settings.username, password: password,
            caFile: settings.caFile, certFile: settings.certFile, keyFile: settings.keyFile,
            will: (statusTopic, JSONValue.object(["state": .string("offline"), "site": .string(siteID)]).serialized)
        ))
        self.store = store
        self.status = status
        statusIntervalMs = settings.statusIntervalMs
        self.logger = logger
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now(), repeating: .milliseconds(100), leeway: .milliseconds(20))
        timer.setEventHandler { [self] in pump() }
        timer.resume()
    }

    /// `polectl status`'s view of the uplink.
    public var statusJSON: JSONValue {
        let reports = client.reports.withLock { $0 }
        let confined = state.withLock { $0 }
        return .object([
            "broker": .string(broker), "connected": .bool(reports.connected), "sent": .integer(confined.sent),
            "in_flight": .integer(confined.inFlight.count), "problem": reports.lastProblem.map(JSONValue.string) ?? .null,
        ])
    }

    /// Publishes `offline` (retained), waits up to `graceMs` for the outbox's in-flight messages to be
    /// acknowledged, and disconnects.
    public func stop(graceMs: Int64 = 1_000) {
        timer.cancel()
        queue.sync {
            let connected = client.reports.withLock { $0.connected }
            if connected {
                _ = client.publish(topic: statusTopic, payload: JSONValue.object(["state": .string("offline")]).serialized, retain: true)
                let deadline = clock.now().milliseconds + graceMs
                while clock.now().milliseconds < deadline, !state.withLock({ $0.inFlight.isEmpty }) {
                    usleep(20_000)
                    settleAcknowledgements()
                }
            }
            client.shutDown()
        }
    }

    /// Runs on the uplink's queue every 100 ms.
    private func pump() {
        let reports = client.reports.withLock { $0 }
        settleAcknowledgements()
        let now = clock.now().milliseconds
        let connected = reports.connected
        let problem = state.withLock { confined -> String? in
            defer {
                confined.wasConnected = connected
                if connected { confined.lastLoggedProblem = nil }
            }
            if connected, !confined.wasConnected { confined.nextStatusMs = now }
            guard !connected, let problem = reports.lastProblem, problem != confined.lastLoggedProblem else { return nil }
            confined.lastLoggedProblem = problem
            return problem
        }
        if let problem { logger.warning("uplink not connected; the outbox keeps everything", metadata: ["broker": "\(broker)", "problem": "\(problem)"]) }
        guard connected else { return }
        if state.withLock({ now >= $0.nextStatusMs }) {
            var payload: [String: JSONValue] = ["state": .string("online")]
            if case .object(let fields)? = status() { payload.merge(fields) { ours, _ in ours } }
            if client.publish(topic: statusTopic, payload: JSONValue.object(payload).serialized, retain: true) != nil {
                state.withLock { $0.nextStatusMs = now + statusIntervalMs }
            }
        }
        let (cursor, room) = state.withLock { ($0.cursor, Self.window - $0.inFlight.count) }
        guard room > 0 else { return }
        for message in store.outbox(afterID: cursor, limit: room) {
            guard let messageID = client.publish(topic: message.topic, payload: message.payload, retain: false) else { break }
            state.withLock {
                $0.inFlight[messageID] = message.id
                $0.cursor = message.id
            }
        }
    }

    /// Hands the broker's acknowledgements to the store, which deletes those outbox rows.
    private func settleAcknowledgements() {
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
