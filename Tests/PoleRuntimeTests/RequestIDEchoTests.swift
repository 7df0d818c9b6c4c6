import Foundation
import PoleJSON
import PoleProtocol
import PoleRuntime
import Testing

/// Issue 17: protocol v1 echoes a request's `id` exactly as the client wrote it (its JSON text), so a
/// client matching answers by id never sees its id rewritten: a 30-digit number is not rounded to a
/// double, `1.50` keeps its zero, an object keeps its spacing and key order.
@Suite(.tags(.slow), .notInFastSet) struct RequestIDEchoTests {
    @Test func theIDComesBackAsItsJSONTextOnAnswersErrorsAndCommands() throws {
        let daemon = try RunningDaemon(scenario: "Tests/Scenarios/head-cycle.json")
        let client = try ControlConnection(path: daemon.socket)
        let ids = [
            "123456789012345678901234567890", "1.50", "-0", "1e3", "12345678901234567", #""r\u0065q-7""#, #"{ "b": 1, "a" : [ 2.0 ] }"#,
        ]
        for id in ids {
            for request in [#"{"v":1,"cmd":"version","id":ID}"#, #"{"v":1,"cmd":"reboot","id":ID}"#, #"{"v":1,"id":ID,"cmd":"maintenance","on":false}"#] {
                try client.write(Array((request.replacingOccurrences(of: "ID", with: id) + "\n").utf8))
                let answer = String(decoding: try client.readLine(), as: UTF8.self)
                #expect(answer.contains(#","id":\#(id),"ok":"#), "\(request) with id \(id) answered \(answer)")
                #expect((try? JSONReader.parse(Array(answer.utf8)).get()) != nil, "the answer is JSON: \(answer)")
            }
        }
        #expect(daemon.stop() == 0)
    }
}
