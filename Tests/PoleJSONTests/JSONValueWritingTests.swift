import PoleJSON
import Testing

@Suite struct JSONValueWritingTests {
    @Test func objectsWriteWithSortedKeysAndIntegersWithoutFractions() {
        let value = JSONValue.object(["b": .integer(2), "a": .array([.number(1.5), .bool(true), .null])])
        #expect(value.serialized == #"{"a":[1.5,true,null],"b":2}"#)
    }

    @Test func stringsEscapeQuotesBackslashesAndControlCharacters() {
        #expect(JSONValue.string("a\"b\\c\nd\u{01}é").serialized == #""a\"b\\c\nd\u0001é""#)
    }

    @Test func whatIsWrittenReadsBackAsTheSameValue() throws {
        let value = JSONValue.object([
            "v": .integer(1), "text": .string("tab\there \u{1F6A6}"), "nested": .object(["list": .array([.integer(-3)])]),
        ])
        let read = try JSONReader.parse(Array(value.serialized.utf8)).get()
        #expect(read == value)
    }

    @Test func aNonFiniteNumberWritesAsNull() {
        #expect(JSONValue.number(.nan).serialized == "null")
    }

    @Test func accessorsReadFieldsOfTheRightType() {
        let value = JSONValue.object(["cmd": .string("status"), "n": .integer(3), "on": .bool(false)])
        #expect(value["cmd"]?.string == "status")
        #expect(value["n"]?.number == 3)
        #expect(value["on"]?.bool == false)
        #expect(value["cmd"]?.number == nil)
        #expect(value["missing"] == nil)
    }
}
