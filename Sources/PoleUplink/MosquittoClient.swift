import CMosquitto
import Glibc
import Synchronization

/// One libmosquitto client in its threaded mode: the library's own thread connects, reconnects
/// with backoff, sends and receives; these calls are safe from any thread.
///
/// Exists to keep every C detail of libmosquitto (the callbacks' context pointer, result codes,
/// TLS and will set-up) in one place; `MQTTUplink` speaks in messages and acknowledgements.
final class MosquittoClient: Sendable {
    /// What the library's thread reports, read by the uplink's own thread.
    struct Reports: Sendable {
        var connected = false
        /// Message ids the broker acknowledged (PUBACK), in arrival order.
        var acknowledged: [Int32] = []
        var lastProblem: String?
        /// The broker's refusal (CONNACK) or a TLS failure since the last connection: the reason a
        /// technician can act on, which the disconnect that follows must not replace.
        var refusal: String?
        /// The last OpenSSL error libmosquitto logged since the last connection.
        var tlsError: String?
    }

    /// The connection's settings.
    struct Options: Sendable {
        var clientID: String
        var host: String
        var port: Int
        var keepAliveSeconds: Int
        var username: String?
        var password: String?
        var caFile: String?
        var certFile: String?
        var keyFile: String?
        var will: (topic: String, payload: String)
    }


    let reports = Mutex(Reports())
    private nonisolated(unsafe) let handle: OpaquePointer

    /// Creates the client and starts connecting; a set-up the library refuses (a missing
    /// certificate, say) is thrown as its message. Call it off the loop's thread: the broker's name
    /// is resolved here.
    init(_ options: Options) throws(UplinkProblem) {
        if let problem = poled_mosquitto_load() {
            throw UplinkProblem("libmosquitto is not usable (install libmosquitto1): " + String(cString: problem))
        }
        guard let handle = poled_mosquitto_new(options.clientID, true, nil) else {
            throw UplinkProblem("libmosquitto could not create a client")
        }
        self.handle = handle
        poled_mosquitto_user_data_set(handle, Unmanaged.passUnretained(self).toOpaque())
        poled_mosquitto_connect_callback_set(handle) { _, context, code in
            MosquittoClient.from(context).reports.withLock { reports in
                reports.connected = code == 0
                if code == 0 {
                    reports.lastProblem = nil
                    reports.refusal = nil
                    reports.tlsError = nil
                } else {
                    reports.refusal = "broker refused the connection: " + String(cString: poled_mosquitto_connack_string(code))
                    reports.lastProblem = reports.refusal
                }
            }
        }
        poled_mosquitto_disconnect_callback_set(handle) { _, context, code in
            MosquittoClient.from(context).reports.withLock { reports in
                reports.connected = false
                if let tls = reports.tlsError, reports.refusal == nil { reports.refusal = "TLS failure: " + tls }
                if code != 0 { reports.lastProblem = reports.refusal ?? "connection lost: " + MosquittoClient.describe(code) }
            }
        }
        // A failed TLS handshake reaches the callbacks above as a lost connection, or not at all
        // (when it fails inside a reconnect); what went wrong (an unknown CA, an expired or missing
        // certificate) is in libmosquitto's log, and is the reason until a connection succeeds.
        poled_mosquitto_log_callback_set(handle) { _, context, level, message in
            guard level & Int32(MOSQ_LOG_ERR) != 0, let message else { return }
            let text = String(cString: message)
            guard text.hasPrefix("OpenSSL Error") else { return }
            let detail = text.firstIndex(of: ":").map { String(text[text.index(after: $0)...].drop { $0 == " " }) } ?? text
            MosquittoClient.from(context).reports.withLock { reports in
                reports.tlsError = detail
                guard !reports.connected else { return }
                reports.refusal = "TLS failure: " + detail
                reports.lastProblem = reports.refusal
            }
        }
        poled_mosquitto_publish_callback_set(handle) { _, context, messageID in
            MosquittoClient.from(context).reports.withLock { $0.acknowledged.append(messageID) }
        }
        // On a throw below, `deinit` destroys the handle: `self` is fully initialised by now.
        try check(poled_mosquitto_int_option(handle, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311), "setting MQTT 3.1.1")
        try check(poled_mosquitto_reconnect_delay_set(handle, 1, 60, true), "setting the reconnect delay")
        try check(poled_mosquitto_will_set(handle, options.will.topic, Int32(options.will.payload.utf8.count), options.will.payload, 1, true), "setting the last will")
        if options.username != nil || options.password != nil {
            try check(poled_mosquitto_username_pw_set(handle, options.username, options.password), "setting the credentials")
        }
        if let ca = options.caFile {
            try check(poled_mosquitto_tls_set(handle, ca, nil, options.certFile, options.keyFile, nil), "setting up TLS")
        }
        try check(poled_mosquitto_loop_start(handle), "starting the network thread")
        let code = poled_mosquitto_connect_async(handle, options.host, Int32(options.port), Int32(options.keepAliveSeconds))
        if code != MOSQ_ERR_SUCCESS.rawValue {
            // The library's thread keeps retrying; the first failure is only reported.
            reports.withLock { reports in
                let tls = reports.tlsError.map { "TLS failure: " + $0 }
                reports.refusal = reports.refusal ?? tls
                reports.lastProblem = tls ?? "cannot connect to \(options.host):\(options.port): " + Self.describe(code)
            }
        }
    }

    deinit {
        poled_mosquitto_destroy(handle)
    }

    /// Queues a QoS 1 message and returns its id, or why the library refused it. A message
    /// published as the link drops is queued all the same (`MOSQ_ERR_NO_CONN`) and sent after the
    /// reconnect, so it counts as queued.
    func publish(topic: String, payload: String, retain: Bool) -> Result<Int32, UplinkProblem> {
        var messageID: Int32 = 0
        let code = poled_mosquitto_publish(handle, &messageID, topic, Int32(payload.utf8.count), payload, 1, retain)
        guard code == MOSQ_ERR_SUCCESS.rawValue || code == MOSQ_ERR_NO_CONN.rawValue else {
            return .failure(UplinkProblem("cannot publish to \(topic): \(Self.describe(code))"))
        }
        return .success(messageID)
    }

    /// Disconnects cleanly (no last will) and stops the library's thread. `force` cancels a thread
    /// that may be stuck connecting to a broker that does not answer.
    func shutDown(force: Bool) {
        poled_mosquitto_disconnect(handle)
        poled_mosquitto_loop_stop(handle, force)
    }

    private func check(_ code: Int32, _ doing: String) throws(UplinkProblem) {
        guard code == MOSQ_ERR_SUCCESS.rawValue else { throw UplinkProblem("\(doing): \(Self.describe(code))") }
    }

    private static func from(_ context: UnsafeMutableRawPointer?) -> MosquittoClient {
        Unmanaged<MosquittoClient>.fromOpaque(context!).takeUnretainedValue()
    }

    static func describe(_ code: Int32) -> String {
        code == MOSQ_ERR_ERRNO.rawValue ? String(cString: strerror(errno)) : String(cString: poled_mosquitto_strerror(code))
    }
}

/// Why the uplink could not be set up or used.
public struct UplinkProblem: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
