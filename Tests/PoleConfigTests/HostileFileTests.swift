import PoleConfig
import Testing

/// Board and site files of any content give a configuration error naming file, line and key (or
/// the reader's limit), never a crash.
@Suite struct HostileFileTests {
    @Test func aKeyHoldingUPlus0000IsAnUnknownKeyWrittenReadably() throws {
        let site = try #require(RepositoryFiles.error(site: "\"\\u0000\" = 1\n"))
        #expect(site.issues.count == 1)
        #expect(site.description.hasPrefix("poled.toml:1: \"\\u0000\": unknown key; expected one of: board, site"))
        let board = try #require(RepositoryFiles.error(board: RepositoryFiles.smallBoard + "\"\\u0000\" = { line = \"X\" }\n"))
        #expect(board.description.hasPrefix("board.toml:12: lines.\"\\u0000\": unknown role"))
    }

    @Test func aHeaderOfTenThousandPartsNamesTheNestingLimit() throws {
        let header = "[" + Array(repeating: "crosswalk", count: 10_000).joined(separator: ".") + "]\n"
        let error = try #require(RepositoryFiles.error(site: "# hostile\n" + header))
        #expect(error.issues.map(\.line) == [2])
        #expect(error.description.hasSuffix("not valid TOML: a key of more than 64 parts is beyond the TOML reader's nesting limit"))
    }

    @Test func deeplyNestedArraysNameTheNestingLimitAndTheKey() throws {
        let value = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        let error = try #require(RepositoryFiles.error(board: RepositoryFiles.smallBoard + "beacon = \(value)\n"))
        #expect(error.description == "board.toml:12: lines.beacon: not valid TOML: nested deeper than 64 levels, the TOML reader's nesting limit")
    }

    @Test func aDuplicateKeyIsATOMLErrorNamingBothLines() throws {
        let error = try #require(RepositoryFiles.error(site: "[loop]\ntick = \"20ms\"\n\ntick = \"10ms\"\n"))
        #expect(error.description == "poled.toml:4: loop.tick: not valid TOML: tick already holds a value (line 2); a key is defined once")
    }

    @Test func controlCharactersInStringsAreEscapedInMessages() throws {
        let error = try #require(RepositoryFiles.error(site: "board = 7\n[site]\nid = \"a\\u001B[2Jb\"\n"))
        #expect(error.issues.map(\.line) == [1, 3])
        #expect(!error.description.unicodeScalars.contains("\u{1B}"))
    }
}
