import PoleTOML
import Testing

/// Hostile documents get a document or one error with a position, never a trap or a stack overflow,
/// and the nesting limit is named as such.
@Suite struct TOMLLimitTests {
    @Test func aQuotedKeyHoldingUPlus0000IsAKeyLikeAnyOther() throws {
        let document = try TOMLReader.read("\"\\u0000\" = 1\n")
        #expect(document.keys == ["\u{0}"])
        #expect(document["\u{0}"]?.value.content == .integer(1))
        #expect(TOMLText.key("\u{0}") == "\"\\u0000\"")
    }

    @Test func aHeaderOfTenThousandDottedPartsIsRefusedAtTheLimit() throws {
        let header = "[" + Array(repeating: "a", count: 10_000).joined(separator: ".") + "]\n"
        let error = try #require(throws: TOMLError.self) { try TOMLReader.read(header) }
        #expect(error.position == TOMLPosition(line: 1, column: 2 + 2 * TOMLReader.nestingDepthMax))
        #expect(error.message == "a key of more than 64 parts is beyond the TOML reader's nesting limit")
    }

    @Test func aDottedKeyOfTenThousandPartsIsRefusedAtTheLimit() throws {
        let error = try #require(throws: TOMLError.self) {
            try TOMLReader.read("x = 1\n" + Array(repeating: "b", count: 10_000).joined(separator: ".") + " = 1\n")
        }
        #expect(error.position.line == 2)
        #expect(error.message.hasSuffix("the TOML reader's nesting limit"))
    }

    @Test(arguments: [
        ("arrays", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)),
        ("inline tables", String(repeating: "{a=", count: 100_000) + "1" + String(repeating: "}", count: 100_000)),
        ("both", String(repeating: "[{a=", count: 50_000) + "1" + String(repeating: "}]", count: 50_000)),
    ])
    func deepNestingIsRefusedAtTheLimit(kind: String, value: String) throws {
        let error = try #require(throws: TOMLError.self) { try TOMLReader.read("\n\nv = \(value)\n") }
        #expect(error.position.line == 3)
        #expect(error.keyPath == "v")
        #expect(error.message == "nested deeper than 64 levels, the TOML reader's nesting limit")
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let depth = TOMLReader.nestingDepthMax
        let arrays = String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
        let tables = String(repeating: "{a=", count: depth - 1) + "1" + String(repeating: "}", count: depth - 1)
        let header = "[" + Array(repeating: "h", count: depth - 1).joined(separator: ".") + "]\nlast = 1\n"
        let document = try TOMLReader.read("arrays = \(arrays)\ntables = \(tables)\n\(header)")
        #expect(document.keys == ["arrays", "tables", "h"])
        var value = try #require(document["tables"]?.value)
        var levels = 1
        while case .table(let table) = value.content, let inner = table["a"]?.value {
            value = inner
            levels += 1
        }
        #expect(levels == depth)
        #expect(value.content == .integer(1))
    }

    @Test(arguments: [
        ("x = 9223372036854775808", "out of the range of 64-bit integers"),
        ("x = 0x8000000000000000", "out of the range of 64-bit integers"),
        ("x = \"\\uD800\"", "not a Unicode scalar value"),
        ("x = 2025-02-29", "there is no day 29 of month 2 in 2025"),
        ("x = \"a\u{7F}\"", "U+007F must be escaped in a string"),
        ("a.b = 1\na.b.c = 2", "b already holds a value (line 1); dotted keys cannot add to it"),
    ])
    func outOfRangeValuesAreErrors(text: String, message: String) throws {
        let error = try #require(throws: TOMLError.self) { try TOMLReader.read(text) }
        #expect(error.message.contains(message), "\(error)")
    }

    @Test func smallestIntegerIsRead() throws {
        #expect(try TOMLReader.read("x = -9223372036854775808")["x"]?.value.content == .integer(.min))
    }

    @Test func bytesThatAreNotUTF8AreNamedWithTheirLine() throws {
        let error = try #require(throws: TOMLError.self) {
            try TOMLReader.read(Array("a = 1\nb = \"".utf8) + [0xC3, 0x28] + Array("\"\n".utf8))
        }
        #expect(error.position == TOMLPosition(line: 2, column: 6))
        #expect(error.message == "the file is not UTF-8 text (byte 11)")
    }
}
