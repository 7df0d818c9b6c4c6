import PoleCore
import PoleJSON
import PoleProtocol
import Testing

@Suite struct ControlRequestTests {
    private func parse(_ text: String) -> Result<ControlRequest, ControlError> {
        ControlRequest.parse(line: Array(text.utf8)).map(\.request).mapError(\.error)
    }

    @Test(arguments: [
        ControlRequest.status, .faults, .clearFaults([.conflict, .floorLampOut], reason: "cable"), .clearFaults(nil, reason: "all fixed"),
        .maintenance(on: true, durationMs: 1_800_000, reason: "lens"), .maintenance(on: false, durationMs: 1_800_000, reason: nil),
        .test(role: .floorGreen, durationMs: 5_000), .sensors, .cleanSensor, .lines, .events(sinceMs: 3_600_000), .events(sinceMs: nil),
        .air, .version,
    ])
    func whatTheCLIWritesTheDaemonReadsBack(request: ControlRequest) throws {
        let line = Array(request.json(id: .integer(9)).serialized.utf8)
        let parsed = try ControlRequest.parse(line: line).get()
        #expect(parsed.request == request)
        #expect(parsed.id?.text == "9")
    }

    @Test func everyBadRequestNamesItsFieldAndCode() {
        let cases: [(String, ControlError.Code, String)] = [
            (#"{"cmd":"status"}"#, .unsupportedVersion, "v: missing"),
            (#"{"v":"1","cmd":"status"}"#, .unsupportedVersion, "v: \"1\""),
            (#"{"v":1}"#, .badField, "cmd: missing"),
            (#"{"v":1,"cmd":7}"#, .badField, "cmd: expected a string"),
            (#"{"v":1,"cmd":"reboot"}"#, .unknownCommand, "\"reboot\" is not a command"),
            (#"{"v":1,"cmd":"status","all":true}"#, .unknownField, "all: not a field"),
            (#"{"v":1,"cmd":"faults.clear","reason":"r"}"#, .badField, "faults: missing"),
            (#"{"v":1,"cmd":"faults.clear","all":true}"#, .badField, "reason: missing"),
            (#"{"v":1,"cmd":"faults.clear","all":true,"reason":"  "}"#, .badField, "reason: empty"),
            (#"{"v":1,"cmd":"faults.clear","all":true,"faults":["conflict"],"reason":"r"}"#, .badField, "not both"),
            (#"{"v":1,"cmd":"faults.clear","faults":["melted"],"reason":"r"}"#, .badField, "\"melted\" is not a fault"),
            (#"{"v":1,"cmd":"faults.clear","faults":[],"reason":"r"}"#, .badField, "faults: empty"),
            (#"{"v":1,"cmd":"maintenance"}"#, .badField, "on: missing"),
            (#"{"v":1,"cmd":"maintenance","on":true,"for":"13h"}"#, .badField, "longer than the 12h"),
            (#"{"v":1,"cmd":"maintenance","on":true,"for":"500ms"}"#, .badField, "shorter than 1s"),
            (#"{"v":1,"cmd":"test","role":"floor_purple"}"#, .badField, "\"floor_purple\" is not a role"),
            (#"{"v":1,"cmd":"test","role":"beacon","for":"soon"}"#, .badField, "for: \"soon\""),
            (#"{"v":1,"cmd":"maintenance","on":true,"reason":"a\u0007b"}"#, .badField, "control or formatting characters"),
            (#"{"v":1,"cmd":"maintenance","on":true,"reason":"fixed \u202Edelbane"}"#, .badField, "control or formatting characters"),
            (#"{"v":1,"cmd":"maintenance","on":true,"reason":"a\u009B31m"}"#, .badField, "control or formatting characters"),
            (#"{"v":1,"cmd":"maintenance","on":false,"for":"5m"}"#, .badField, "for: only with on: true"),
            ("[1]", .malformed, "a JSON object"),
            ("{\"v\":1,", .malformed, "not JSON: line 1"),
        ]
        for (text, code, message) in cases {
            switch parse(text) {
            case .success(let request): Issue.record("\(text) parsed as \(request)")
            case .failure(let error):
                #expect(error.code == code, "\(text)")
                #expect(error.message.contains(message), "\(text): \(error.message)")
            }
        }
    }

    @Test func aReasonIsCountedInScalarsSoCombiningMarksCannotSmuggleInAFloodOfBytes() throws {
        let flood = "a" + String(repeating: "\u{0301}", count: 300)
        let line = #"{"v":1,"cmd":"maintenance","on":true,"reason":""# + flood + #""}"#
        #expect((try? parse(line).get()) == nil)
        #expect(try parse(#"{"v":1,"cmd":"maintenance","on":true,"reason":"렌즈 청소 (lens)"}"#).get()
            == .maintenance(on: true, durationMs: 1_800_000, reason: "렌즈 청소 (lens)"), "Korean text is plain text")
    }

    @Test func aLineOverSixtyFourKibibytesIsTooLarge() {
        let line = [UInt8](repeating: UInt8(ascii: " "), count: ControlProtocol.maxLineBytes + 1)
        #expect(parse(String(decoding: line, as: UTF8.self)).mapError(\.self) == .failure(ControlError(.tooLarge, "a request is at most 65536 bytes")))
    }

    @Test func theIDOfABadRequestIsEchoedWhenItCanBeRead() {
        guard case .failure(let failure) = ControlRequest.parse(line: Array(#"{"v":1,"id":"x1","cmd":"nope"}"#.utf8)) else {
            Issue.record("an unknown command parsed")
            return
        }
        #expect(failure.id?.text == #""x1""#)
    }

    @Test func defaultsFillMissingDurations() throws {
        #expect(try parse(#"{"v":1,"cmd":"maintenance","on":true}"#).get() == .maintenance(on: true, durationMs: 1_800_000, reason: nil))
        #expect(try parse(#"{"v":1,"cmd":"test","role":"mist"}"#).get() == .test(role: .mist, durationMs: 10_000))
    }
}
