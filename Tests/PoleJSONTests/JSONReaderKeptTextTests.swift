import PoleJSON
import Testing

@Suite struct JSONReaderKeptTextTests {
    @Test func theOutermostMembersNamedKeepTheirTextAsWritten() throws {
        let line = #"{ "v":1, "id" :  123456789012345678901234567890 , "nested": {"id": 2}, "s": "a\u0062" }"#
        let parsed = try JSONReader.parse(Array(line.utf8), keepingTextOf: ["id", "s", "missing"]).get()
        #expect(parsed.texts == ["id": "123456789012345678901234567890", "s": #""a\u0062""#])
        #expect(parsed.value["s"] == .string("ab"))
    }

    @Test func aDocumentThatIsNotAnObjectKeepsNothing() throws {
        #expect(try JSONReader.parse(Array("[1]".utf8), keepingTextOf: ["id"]).get().texts.isEmpty)
    }
}
