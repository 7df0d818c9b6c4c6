import Foundation
import PoleJSON
import Testing

/// Issue 9's broker test: poled on the simulated street with its uplink to a real mosquitto on
/// loopback; the broker is cut while the street goes on and technicians' commands keep making
/// events, then restarted. A subscriber sees every stored event, each id once after dropping QoS 1
/// redeliveries (which carry the same id and payload), in the store's order.
@Suite(.serialized, .tags(.slow), .notInFastSet) struct UplinkEndToEndTests {
    private func requireMosquitto() -> Bool {
        guard FileManager.default.isExecutableFile(atPath: MosquittoBroker.executable),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/mosquitto_sub")
        else {
            Issue.record("the broker tests need mosquitto and mosquitto-clients: apt-get install mosquitto mosquitto-clients (.ci/run does)")
            return false
        }
        return true
    }

    private func wait(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return condition()
    }

    private func storedIDs(_ daemon: RunningDaemon) -> [Int64] {
        (daemon.polectlJSON("events").json?.array ?? []).compactMap { $0["id"]?.number.map { Int64($0) } }
    }

    private func site(port: Int) -> String {
        """
        [site]
        id = "test-pole"
        [uplink]
        enabled = true
        host = "127.0.0.1"
        port = \(port)
        keepalive_seconds = 5
        status_interval = "1s"
        """
    }

    @Test func everyEventArrivesOnceInOrderAcrossABrokerOutage() throws {
        guard requireMosquitto() else { return }
        let directory = NSTemporaryDirectory() + "poled-uplink-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let broker = try MosquittoBroker(directory: directory)
        let subscriber = try MosquittoSubscriber(port: broker.port, topic: "poled/test-pole/events", clientID: "district", directory: directory)
        Thread.sleep(forTimeInterval: 0.5)
        let daemon = try RunningDaemon(
            scenario: "Tests/Scenarios/head-cycle.json", directory: directory + "/pole", store: #"flush_interval = "1s""#, site: site(port: broker.port)
        )
        func technicianVisit(_ commands: Int) {
            for index in 0..<commands {
                _ = daemon.polectl("maintenance", index % 2 == 0 ? "on" : "off", "--reason", "uplink test")
            }
        }
        technicianVisit(4)
        #expect(wait(seconds: 15) { subscriber.payloads.count >= 8 }, "before the outage: \(subscriber.payloads)")
        #expect(daemon.waitForStatus(seconds: 5) { $0["uplink"]?["connected"] == .bool(true) } != nil)

        broker.stop()
        technicianVisit(6)
        Thread.sleep(forTimeInterval: 2)
        let outage = daemon.polectlJSON("status").json
        #expect(outage?["uplink"]?["connected"] == .bool(false), "the status tells the broker is gone")
        #expect((outage?["store"]?["uplink_backlog"]?.number ?? 0) >= 12, "the outage's events wait in the outbox")
        try broker.start()
        technicianVisit(2)

        var stored: [Int64] = []
        let complete = wait(seconds: 30) {
            stored = storedIDs(daemon)
            let received = Set(subscriber.payloads.compactMap { Self.id(of: $0) })
            return !stored.isEmpty && Set(stored).isSubset(of: received)
        }
        let payloads = subscriber.payloads
        #expect(complete, "stored \(stored), received \(payloads.compactMap { Self.id(of: $0) })\n\(daemon.logText)")
        var firstPayload: [Int64: String] = [:]
        var order: [Int64] = []
        for payload in payloads {
            guard let id = Self.id(of: payload) else {
                Issue.record("not an event payload: \(payload)")
                continue
            }
            if let first = firstPayload[id] {
                #expect(first == payload, "a redelivery of \(id) carries the same payload")
            } else {
                firstPayload[id] = payload
                order.append(id)
            }
        }
        #expect(order == order.sorted(), "in the store's order: \(order)")
        #expect(order == stored, "every stored event exactly once (after dropping redeliveries)")
        #expect(stored.count >= 24, "twelve commands made at least 24 events: \(stored.count)")

        #expect(wait(seconds: 10) { MosquittoSubscriber.retained(port: broker.port, topic: "poled/test-pole/status")?.contains(#""state":"online""#) == true })
        daemon.kill()
        #expect(wait(seconds: 10) { MosquittoSubscriber.retained(port: broker.port, topic: "poled/test-pole/status")?.contains(#""state":"offline""#) == true },
                "the last will says offline when poled dies")
    }

    @Test func aCleanStopSaysOfflineAndLeavesNothingUnsent() throws {
        guard requireMosquitto() else { return }
        let directory = NSTemporaryDirectory() + "poled-uplink-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let broker = try MosquittoBroker(directory: directory)
        let daemon = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json", directory: directory + "/pole", site: site(port: broker.port))
        _ = daemon.polectl("maintenance", "on", "--reason", "uplink test")
        #expect(daemon.waitForStatus(seconds: 10) { $0["store"]?["uplink_backlog"] == .number(0) && $0["uplink"]?["sent"] != .number(0) } != nil)
        #expect(daemon.stop() == 0)
        #expect(MosquittoSubscriber.retained(port: broker.port, topic: "poled/test-pole/status")?.contains(#""state":"offline""#) == true)
    }

    /// A CA, a broker certificate for 127.0.0.1 and a client certificate for the pole, made with openssl.
    private func makeCertificates(in directory: String) throws {
        func openssl(_ arguments: String...) throws {
            let result = RunningDaemon.run("/usr/bin/openssl", arguments)
            guard result.status == 0 else { throw RunningDaemon.Failure("openssl \(arguments.joined(separator: " ")): \(result.err)") }
        }
        try "subjectAltName=IP:127.0.0.1\n".write(toFile: directory + "/san.ext", atomically: true, encoding: .utf8)
        try openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", directory + "/ca.key", "-out", directory + "/ca.pem",
                    "-days", "2", "-subj", "/CN=district test CA")
        for (name, extensions) in [("broker", ["-extfile", directory + "/san.ext"]), ("pole", [])] {
            try openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(directory)/\(name).key", "-out", "\(directory)/\(name).csr",
                        "-subj", "/CN=\(name)")
            let sign = ["x509", "-req", "-in", "\(directory)/\(name).csr", "-CA", directory + "/ca.pem", "-CAkey", directory + "/ca.key",
                        "-CAcreateserial", "-out", "\(directory)/\(name).crt", "-days", "2"] + extensions
            let result = RunningDaemon.run("/usr/bin/openssl", sign)
            guard result.status == 0 else { throw RunningDaemon.Failure("openssl x509: \(result.err)") }
        }
    }

    @Test func tlsWithAClientCertificateConnectsAndWithoutOneIsRefused() throws {
        guard requireMosquitto() else { return }
        let directory = NSTemporaryDirectory() + "poled-uplink-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try makeCertificates(in: directory)
        let broker = try MosquittoBroker(directory: directory, listener: """
            cafile \(directory)/ca.pem
            certfile \(directory)/broker.crt
            keyfile \(directory)/broker.key
            require_certificate true
            """)
        let tls = site(port: broker.port) + "\nca_file = \"\(directory)/ca.pem\""
        let withCertificate = try RunningDaemon(
            scenario: "Tests/Scenarios/head-cycle.json", directory: directory + "/pole",
            site: tls + "\ncert_file = \"\(directory)/pole.crt\"\nkey_file = \"\(directory)/pole.key\""
        )
        _ = withCertificate.polectl("maintenance", "on", "--reason", "tls test")
        let sent = withCertificate.waitForStatus(seconds: 15) {
            $0["uplink"]?["connected"] == .bool(true) && ($0["uplink"]?["sent"]?.number ?? 0) >= 2
        }
        #expect(sent != nil, "over TLS with a client certificate: \(withCertificate.logText)")
        #expect(withCertificate.stop() == 0)

        let withoutCertificate = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json", directory: directory + "/pole-2", site: tls)
        Thread.sleep(forTimeInterval: 3)
        let refused = withoutCertificate.polectlJSON("status").json
        #expect(refused?["uplink"]?["connected"] == .bool(false), "the broker requires a client certificate")
        #expect(refused?["uplink"]?["problem"] != .null, "and the status says why: \(String(describing: refused?["uplink"]))")
    }

    /// Issue 17: the broker's reason for refusing the pole (the CONNACK) stays in the status and the
    /// log; the disconnect that follows it must not replace it with a generic "connection lost".
    @Test func theBrokersRefusalReasonSurvivesIntoStatusAndTheLog() throws {
        guard requireMosquitto() else { return }
        let directory = NSTemporaryDirectory() + "poled-uplink-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let broker = try MosquittoBroker(directory: directory, anonymous: false, users: ["pole-0001": "right"])
        try "wrong\n".write(toFile: directory + "/uplink.password", atomically: true, encoding: .utf8)
        let anonymous = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json", directory: directory + "/pole", site: site(port: broker.port))
        let wrongPassword = try RunningDaemon(
            scenario: "Tests/Scenarios/head-cycle.json", directory: directory + "/pole-2",
            site: site(port: broker.port) + "\nusername = \"pole-0001\"\npassword_file = \"\(directory)/uplink.password\""
        )
        for daemon in [anonymous, wrongPassword] {
            daemon.waitForStatus(seconds: 15) { $0["uplink"]?["problem"] != nil && $0["uplink"]?["problem"] != .null }
            Thread.sleep(forTimeInterval: 3)
            let uplink = daemon.polectlJSON("status").json?["uplink"]
            #expect(uplink?["connected"] == .bool(false))
            #expect(uplink?["problem"]?.string?.contains("not authorised") == true, "\(String(describing: uplink))")
            #expect(daemon.polectl("status").out.contains("not authorised"), "polectl status shows it")
            #expect(wait(seconds: 5) { daemon.logText.contains("not authorised") }, "\(daemon.logText)")
            #expect(!daemon.logText.contains("connection lost"), "\(daemon.logText)")
        }
    }

    @Test func aTLSFailureIsNamedInStatusAndTheLog() throws {
        guard requireMosquitto() else { return }
        let directory = NSTemporaryDirectory() + "poled-uplink-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try makeCertificates(in: directory)
        try FileManager.default.createDirectory(atPath: directory + "/other", withIntermediateDirectories: true)
        try makeCertificates(in: directory + "/other")
        let broker = try MosquittoBroker(directory: directory, listener: """
            cafile \(directory)/ca.pem
            certfile \(directory)/broker.crt
            keyfile \(directory)/broker.key
            """)
        let daemon = try RunningDaemon(
            scenario: "Tests/Scenarios/head-cycle.json", directory: directory + "/pole",
            site: site(port: broker.port) + "\nca_file = \"\(directory)/other/ca.pem\""
        )
        let status = daemon.waitForStatus(seconds: 15) { $0["uplink"]?["problem"]?.string?.contains("TLS") == true }
        let problem = status?["uplink"]?["problem"]?.string ?? ""
        #expect(problem.contains("TLS") && problem.contains("certificate verify failed"), "a broker certificate from another CA: \(problem)")
        #expect(wait(seconds: 5) { daemon.logText.contains("certificate verify failed") }, "\(daemon.logText)")
    }

    private static func id(of payload: String) -> Int64? {
        (try? JSONReader.parse(Array(payload.utf8)).get())?["id"]?.number.map { Int64($0) }
    }
}
