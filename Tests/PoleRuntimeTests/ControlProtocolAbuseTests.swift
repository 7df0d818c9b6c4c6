import Foundation
import Logging
import PoleJSON
import PoleProtocol
import PoleRuntime
import Testing

/// What a misbehaving client can do to the control socket: none of it stops valid clients being
/// answered, and none of it moves the control loop's overrun count.
@Suite(.tags(.slow), .notInFastSet) struct ControlProtocolAbuseTests {
    private static let status = Array(#"{"v":1,"cmd":"status"}"#.utf8) + [0x0A]

    /// At a 100 ms tick, so that only a real stall (not a busy CI machine's scheduling) counts as an overrun.
    @Test func malformedHugeUnknownSilentAndAHundredClientsLeaveTheLoopAlone() throws {
        // A hundred clients of one uid: allowed all of them here (max_clients_per_uid).
        let daemon = try RunningDaemon(
            scenario: "Tests/Scenarios/head-cycle.json", tick: "100ms", followAllowance: "250ms", control: "max_clients_per_uid = 128"
        )
        let before = try overruns(daemon)

        let client = try ControlConnection(path: daemon.socket)
        try client.write(Array("{\"v\":1,\"cmd\":\"status\"\n".utf8))
        #expect(try errorCode(client.readLine()) == "malformed")
        try client.write(Array("[1,2,3]\n".utf8))
        #expect(try errorCode(client.readLine()) == "malformed")
        #expect(try client.send(.object(["v": .integer(1), "cmd": .string("reboot")]))["error"]?["code"] == .string("unknown-command"))
        #expect(try client.send(.object(["v": .integer(1), "cmd": .string("status"), "verbose": .bool(true)]))["error"]?["code"] == .string("unknown-field"))
        #expect(try client.send(.object(["v": .integer(2), "cmd": .string("status")]))["error"]?["code"] == .string("unsupported-version"))
        #expect(try client.send(.object(["v": .integer(1), "cmd": .string("test"), "role": .string("beacon"), "for": .string("1y")]))["error"]?["code"] == .string("bad-field"))
        let echoed = try client.send(.object(["v": .integer(1), "cmd": .string("version"), "id": .string("req-7")]))
        #expect(echoed["ok"] == .bool(true), "the connection survives every bad line before")
        #expect(echoed["id"] == .string("req-7"))

        let huge = try ControlConnection(path: daemon.socket)
        do { try huge.write([UInt8](repeating: UInt8(ascii: "x"), count: 1_048_576) + [0x0A]) } catch {}
        #expect(try errorCode(huge.readLine()) == "too-large")

        let silent = try ControlConnection(path: daemon.socket)
        silent.timeoutMs = 4_000
        try silent.write(Array(#"{"v":1,"cmd":"#.utf8))
        var served = 0
        for _ in 0..<5 {
            if try ControlConnection(path: daemon.socket).send(.object(["v": .integer(1), "cmd": .string("status")]))["ok"] == .bool(true) {
                served += 1
            }
        }
        #expect(served == 5, "others are answered while a client sits silent")
        #expect(throws: ControlConnection.Failure.lost("the daemon closed the connection")) { try silent.readLine() }

        let crowd = try (0..<100).map { _ in try ControlConnection(path: daemon.socket) }
        for connection in crowd { try connection.write(Self.status) }
        let answered = try crowd.filter { try JSONReader.parse($0.readLine()).get()["ok"] == .bool(true) }
        #expect(answered.count == 100)

        #expect(try overruns(daemon) == before, "the loop never overran while the socket was abused")
        #expect(daemon.stop() == 0)
    }

    @Test func oneClientOverTheBoundIsAnsweredBusyAndTheOthersKeepTheirPlace() throws {
        let daemon = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json", maxClients: 4)
        let admitted = try (0..<4).map { _ in try ControlConnection(path: daemon.socket) }
        for connection in admitted { try connection.write(Self.status) }
        for connection in admitted { _ = try connection.readLine() }
        let extra = try ControlConnection(path: daemon.socket)
        #expect(try errorCode(extra.readLine()) == "busy")
        #expect(try admitted[0].send(.object(["v": .integer(1), "cmd": .string("version")]))["ok"] == .bool(true))
        #expect(daemon.stop() == 0)
    }

    @Test func aClientThatNeverReadsItsAnswersIsDroppedAndOthersAreServed() throws {
        let daemon = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json", tick: "100ms", followAllowance: "250ms")
        let flood = try ControlConnection(path: daemon.socket)
        let lines = [UInt8]((0..<2_000).flatMap { _ in Self.status })
        do { try flood.write(lines) } catch {}
        for _ in 0..<3 {
            #expect(try ControlConnection(path: daemon.socket).send(.object(["v": .integer(1), "cmd": .string("version")]))["ok"] == .bool(true))
        }
        Thread.sleep(forTimeInterval: 1.5)
        var answers = 0
        flood.timeoutMs = 500
        while (try? flood.readLine()) != nil { answers += 1 }
        #expect(answers < 2_000, "the flood stopped being read once its answers piled up, then was dropped: \(answers) answers")
        #expect(try overruns(daemon) == 0)
        #expect(daemon.stop() == 0)
    }

    @Test func aControlSocketPathHoldingAnOrdinaryFileIsRefusedNotReplaced() throws {
        let directory = NSTemporaryDirectory() + "poled-not-a-socket-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/control.sock"
        try "precious".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ControlSocketListener.Failure.self) {
            try ControlServer(path: path, group: nil, boundOutputs: [], limits: .init(), logger: Logger(label: "test"))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious")
    }

    private func overruns(_ daemon: RunningDaemon) throws -> Double? {
        try ControlConnection(path: daemon.socket).send(.object(["v": .integer(1), "cmd": .string("status")]))["data"]?["loop"]?["overruns"]?.number
    }

    private func errorCode(_ line: [UInt8]) throws -> String? {
        try JSONReader.parse(line).get()["error"]?["code"]?.string
    }
}
