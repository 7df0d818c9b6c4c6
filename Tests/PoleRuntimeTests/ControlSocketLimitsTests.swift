import Foundation
import Glibc
import PoleJSON
import PoleProtocol
import PoleRuntime
import Testing

/// Issue 17: no lock-out of the control socket. `client_timeout` measures silence, so a client that
/// trickles a never-finished line is dropped by `request_timeout` instead; one uid holds at most
/// `max_clients_per_uid` connections; one place of `max_clients` is kept for root.
@Suite(.serialized, .tags(.slow), .notInFastSet) struct ControlSocketLimitsTests {
    private static let statusLine = Array(#"{"v":1,"cmd":"status"}"#.utf8) + [0x0A]

    @Test func aLineTrickledByteByByteIsDroppedAtTheRequestTimeoutThoughNeverSilent() throws {
        let daemon = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json", clientTimeout: "10s", control: #"request_timeout = "2s""#)
        let trickler = try ControlConnection(path: daemon.socket)
        trickler.timeoutMs = 500
        let started = Date()
        var answer: JSONValue?
        var closedAfterSeconds: Double?
        for byte in Array(#"{"v":1,"cmd":"status","comment":"never finished"#.utf8) {
            try? trickler.write([byte])
            do {
                answer = try JSONReader.parse(trickler.readLine()).get()
                closedAfterSeconds = Date().timeIntervalSince(started)
                break
            } catch ControlConnection.Failure.lost(let reason) where reason.hasPrefix("no answer within") {
                continue
            } catch {
                closedAfterSeconds = Date().timeIntervalSince(started)
                break
            }
        }
        let seconds = try #require(closedAfterSeconds, "a client sending a byte every 0.5 s was never dropped")
        #expect(seconds >= 1.5 && seconds < 5, "dropped after \(seconds) s; request_timeout is 2 s")
        #expect(answer?["error"]?["code"] == .string("timeout"), "\(String(describing: answer))")
        #expect(answer?["error"]?["message"]?.string?.contains("2s") == true, "\(String(describing: answer))")

        // The time between whole requests is the client timeout's, not the request timeout's.
        let patient = try ControlConnection(path: daemon.socket)
        try patient.write(Self.statusLine)
        #expect(try JSONReader.parse(patient.readLine()).get()["ok"] == .bool(true))
        Thread.sleep(forTimeInterval: 3)
        try patient.write(Self.statusLine)
        #expect(try JSONReader.parse(patient.readLine()).get()["ok"] == .bool(true), "3 s between lines is within client_timeout")
        #expect(daemon.stop() == 0)
    }

    @Test func oneUidHoldsAtMostMaxClientsPerUidConnections() throws {
        let daemon = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json", clientTimeout: "10s", control: "max_clients_per_uid = 3")
        var held = try (0..<3).map { _ in try ControlConnection(path: daemon.socket) }
        for connection in held {
            try connection.write(Self.statusLine)
            #expect(try JSONReader.parse(connection.readLine()).get()["ok"] == .bool(true))
        }
        let fourth = try ControlConnection(path: daemon.socket)
        let refused = try JSONReader.parse(fourth.readLine()).get()
        #expect(refused["error"]?["code"] == .string("busy"))
        let message = refused["error"]?["message"]?.string ?? ""
        #expect(message.contains("uid \(getuid())") && message.contains("3"), "\(message)")

        held.removeLast()
        Thread.sleep(forTimeInterval: 0.3)
        let again = try ControlConnection(path: daemon.socket)
        try again.write(Self.statusLine)
        #expect(try JSONReader.parse(again.readLine()).get()["ok"] == .bool(true), "a closed connection gives its place back")
        #expect(daemon.stop() == 0)
    }

    @Test func thePlaceKeptForRootServesRootWhenOtherUsersFillTheRest() throws {
        guard OtherUser.available() else { return }
        let daemon = try RunningDaemon(
            scenario: "Tests/Scenarios/head-cycle.json", clientTimeout: "10s", maxClients: 4,
            control: "max_clients_per_uid = 4\ngroup = \"nogroup\""
        )
        let (setpriv, arguments) = OtherUser.command(
            uid: 20_001, gid: OtherUser.nogroup, [OtherUser.perl, "-e", OtherUser.client, daemon.socket, "4", "0.5", "4", "hold"]
        )
        let output = daemon.directory + "/holder.out"
        let holder = try SpawnedProcess(setpriv, arguments, output: output)
        Thread.sleep(forTimeInterval: 1.5)
        let root = daemon.polectlJSON("status")
        #expect(root.json?["site"] != nil, "root is served while uid 20001 holds every other place: exit \(root.status)")
        _ = holder.waitUntilExit()
        let counts = OtherUser.ClientCounts((try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
        #expect(counts.busy > 0, "the fourth place is not for uid 20001: \(counts)")
        #expect(counts.answered > 0, "\(counts)")
        #expect(daemon.stop() == 0)
    }

    /// The lock-out of issue 17: 140 clients from nine uids, each sending one byte of a line it never
    /// finishes every 2 s and connecting again whenever it is dropped; root's `status` is answered
    /// throughout, at the daemon's default limits.
    @Test func statusIsAnsweredWhile140ClientsTrickle() throws {
        guard OtherUser.available() else { return }
        let daemon = try RunningDaemon(
            scenario: "Tests/Scenarios/head-cycle.json", tick: "100ms", followAllowance: "250ms", clientTimeout: "10s",
            control: "group = \"nogroup\""
        )
        let seconds = 14
        var tricklers: [(process: SpawnedProcess, output: String)] = []
        for index in 0..<9 {
            let count = index < 8 ? 16 : 12
            let output = daemon.directory + "/trickler-\(index).out"
            let (setpriv, arguments) = OtherUser.command(
                uid: UInt32(20_001 + index), gid: OtherUser.nogroup,
                [OtherUser.perl, "-e", OtherUser.client, daemon.socket, "\(count)", "2", "\(seconds)", "trickle"]
            )
            tricklers.append((try SpawnedProcess(setpriv, arguments, output: output), output))
        }
        Thread.sleep(forTimeInterval: 2)
        var asked = 0
        var answered = 0
        // At least ten asks however slow a busy machine makes each one; all but the slowest fall
        // inside the tricklers' window.
        let until = Date().addingTimeInterval(Double(seconds) - 4)
        while Date() < until || asked < 10 {
            asked += 1
            if daemon.polectlJSON("status").json?["site"] != nil { answered += 1 }
            Thread.sleep(forTimeInterval: 0.5)
        }
        var counts = OtherUser.ClientCounts()
        for trickler in tricklers {
            _ = trickler.process.waitUntilExit()
            counts = counts + OtherUser.ClientCounts((try? String(contentsOfFile: trickler.output, encoding: .utf8)) ?? "")
        }
        #expect(answered == asked, "root's status answered \(answered) of \(asked) times while 140 clients trickled (\(counts))")
        #expect(counts.opened >= 140, "\(counts)")
        #expect(counts.busy > 0, "more clients than places: some were turned away (\(counts))")
        #expect(counts.dropped > 0, "trickled lines were cut at the request timeout (\(counts))")
        #expect(daemon.stop() == 0)
    }
}
