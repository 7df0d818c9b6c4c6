import PoleJSON
import PoleProtocol
import Testing

/// The envelope is written by hand so the id goes back as written; it must still be what a sorted
/// JSON object of the same fields would be, byte for byte.
@Suite struct ControlResponseTests {
    private func id(in line: String) throws -> RequestID? {
        try ControlRequest.parse(line: Array(line.utf8)).get().id
    }

    @Test func theEnvelopeIsTheSortedObjectWithTheIDAsWritten() throws {
        let data = JSONValue.object(["daemon": .string("0.1.0"), "protocol": .integer(1)])
        let compact = try id(in: #"{"v":1,"cmd":"version","id":{"k":[1,"a"]}}"#)
        let expected = JSONValue.object(["data": data, "id": .object(["k": .array([.integer(1), .string("a")])]), "ok": .bool(true), "v": .integer(1)])
        #expect(String(decoding: ControlResponse.success(data, id: compact), as: UTF8.self) == expected.serialized + "\n")
        #expect(String(decoding: ControlResponse.success(data, id: nil), as: UTF8.self)
            == JSONValue.object(["data": data, "ok": .bool(true), "v": .integer(1)]).serialized + "\n")
        let error = ControlError(.busy, "try again")
        let spaced = try id(in: #"{"v":1,"cmd":"version","id": 123456789012345678901234567890 }"#)
        #expect(String(decoding: ControlResponse.failure(error, id: spaced), as: UTF8.self)
            == #"{"error":{"code":"busy","message":"try again"},"id":123456789012345678901234567890,"ok":false,"v":1}"# + "\n")
    }
}
