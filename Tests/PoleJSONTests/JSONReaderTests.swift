import PoleJSON
import Testing

/// The strict reader: every syntax error named by line and column, nesting bounded, escapes and
/// numbers decoded as JSON defines them.
@Suite struct JSONReaderTests {
    private func error(_ text: String) -> String? {
        guard case .failure(let error) = JSONReader.parse(Array(text.utf8)) else { return nil }
        return error.description
    }

    @Test(arguments: [
        ("{\"start\": \"x\",\n \"steps\": [ {\"at\": \"0s\" \"head\": \"red\"} ] }", "line 2, column 25: expected ',' or '}' after field \"at\""),
        ("{\"a\": 1,}", "line 1, column 9: expected a field name in double quotes"),
        ("{\"a\": [1, 2,]}", "line 1, column 13: expected a value (object, array, string, number, true, false or null)"),
        ("{\"a\": 01}", "line 1, column 8: a number may not have leading zeros"),
        ("{\"a\": tru}", "line 1, column 10: expected true"),
        ("{\"a\": \"x}", "line 1, column 10: unterminated string"),
        ("{\"a\": 1, \"a\": 2}", "line 1, column 10: duplicate field \"a\""),
        ("{} {}", "line 1, column 4: unexpected text after the document"),
        ("", "line 1, column 1: unexpected end of file; expected a value"),
        ("{\"a\": \"\\q\"}", "line 1, column 10: unknown escape \\q"),
    ])
    func aSyntaxErrorNamesLineAndColumn(text: String, message: String) {
        #expect(error(text) == message)
    }

    @Test func deepNestingIsRefusedNotFollowed() {
        let text = "{\"a\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        #expect(error(text)?.contains("nested deeper than 64 levels") == true)
    }

    @Test func escapesAndUnicodeAreDecoded() throws {
        let value = try JSONReader.parse(Array(#"{ "a": "caf\u00e9 \ud83d\ude80 \"q\" \n", "b": "\u0061" }"#.utf8)).get()
        #expect(value["a"] == .string("café 🚀 \"q\" \n"))
        #expect(value["b"] == .string("a"))
    }

    @Test func numbersInEveryFormAreRead() throws {
        let value = try JSONReader.parse(Array(#"[1.5e2, -0, 0.25, 1E-2, 42]"#.utf8)).get()
        #expect(value == .array([.number(150), .number(0), .number(0.25), .number(0.01), .number(42)]))
    }
}
