import PoleTOML
import Testing

/// Keys and strings from untrusted files print as one readable, unambiguous token.
@Suite struct TOMLTextTests {
    @Test(arguments: [
        ("floor_red", "floor_red"),
        ("presence-a", "presence-a"),
        ("a.b", "\"a.b\""),
        ("", "\"\""),
        ("say \"hi\"\n", "\"say \\\"hi\\\"\\n\""),
        ("\u{1B}[31m", "\"\\u001B[31m\""),
        ("서울", "\"서울\""),
    ])
    func keysAreBareOnlyWhenTOMLAllows(key: String, written: String) {
        #expect(TOMLText.key(key) == written)
    }

    @Test func aPathJoinsWrittenKeys() {
        #expect(TOMLText.path(["lines", "a.b", "line"]) == "lines.\"a.b\".line")
    }
}
