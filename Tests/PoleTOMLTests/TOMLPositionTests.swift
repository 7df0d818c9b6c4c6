import PoleTOML
import Testing

/// Every value and key knows where it is written, wherever TOML lets it stand.
@Suite struct TOMLPositionTests {
    let document: TOMLTable

    init() throws {
        document = try TOMLReader.read("""
            # a comment line
            title = "x"
            zones = [
                "a",   # first
              "b",

                [1, 2],
            ]
            [crosswalk]
            note = \"""
            zones = ["looks like a key"]
            \"""
            flash = { min_pulse = "250ms", max_pulse = "9s" }
            beacon.hold = "3s"
            [[lamp.calendar]]
            name = "crops"
            [[lamp.calendar]]
            weekdays = ["sat",
                        "sun"]
            "é" = 1
            """)
    }

    @Test func scalarsHaveTheirLineAndColumn() throws {
        let title = try #require(document["title"])
        #expect(title.keyPosition == TOMLPosition(line: 2, column: 1))
        #expect(title.value.position == TOMLPosition(line: 2, column: 9))
    }

    @Test func itemsOfAMultiLineArrayHaveTheirOwnLines() throws {
        let zones = try #require(document["zones"]?.value)
        #expect(zones.position.line == 3)
        guard case .array(let items) = zones.content else { throw Failure("zones is not an array") }
        #expect(items.map(\.position) == [
            TOMLPosition(line: 4, column: 5), TOMLPosition(line: 5, column: 3), TOMLPosition(line: 7, column: 5),
        ])
        guard case .array(let inner) = items[2].content else { throw Failure("zones[2] is not an array") }
        #expect(inner.map(\.position.column) == [6, 9])
    }

    @Test func aMultiLineStringIsOneValueAndWhatFollowsKeepsItsLine() throws {
        let crosswalk = try table(document["crosswalk"]?.value)
        #expect(crosswalk["note"]?.value.position.line == 10)
        #expect(crosswalk["note"]?.value.content == .string("zones = [\"looks like a key\"]\n"))
        #expect(crosswalk["flash"]?.value.position.line == 13)
    }

    @Test func valuesInsideAnInlineTableHaveTheirColumns() throws {
        let flash = try table(try table(document["crosswalk"]?.value)["flash"]?.value)
        #expect(flash["min_pulse"]?.keyPosition == TOMLPosition(line: 13, column: 11))
        #expect(flash["max_pulse"]?.value.position == TOMLPosition(line: 13, column: 44))
    }

    @Test func dottedKeysGiveEachPartItsPosition() throws {
        let crosswalk = try table(document["crosswalk"]?.value)
        let beacon = try #require(crosswalk["beacon"])
        #expect(beacon.keyPosition == TOMLPosition(line: 14, column: 1))
        #expect(try table(beacon.value)["hold"]?.keyPosition == TOMLPosition(line: 14, column: 8))
    }

    @Test func eachTableOfAnArrayOfTablesIsAtItsHeader() throws {
        let calendar = try #require(try table(document["lamp"]?.value)["calendar"]?.value)
        guard case .array(let rules) = calendar.content else { throw Failure("calendar is not an array") }
        #expect(calendar.position.line == 15)
        #expect(rules.map(\.position.line) == [15, 17])
        let second = try table(rules[1])
        guard case .array(let days) = second["weekdays"]?.value.content else { throw Failure("weekdays is not an array") }
        #expect(days.map(\.position) == [TOMLPosition(line: 18, column: 13), TOMLPosition(line: 19, column: 13)])
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let entry = try #require(try table(try table(document["lamp"]?.value)["calendar"]?.value, item: 1)["é"])
        #expect(entry.keyPosition == TOMLPosition(line: 20, column: 1))
        #expect(entry.value.position == TOMLPosition(line: 20, column: 7))
    }

    @Test func anErrorNamesTheKeyBeingDefinedWithTheTableOfAnArray() throws {
        let error = try #require(throws: TOMLError.self) {
            try TOMLReader.read("[[rule]]\nname = 1\n[[rule]]\nname = 1\nname = 2\n")
        }
        #expect(error.position == TOMLPosition(line: 5, column: 1))
        #expect(error.keyPath == "rule[1].name")
        #expect(error.message == "name already holds a value (line 4); a key is defined once")
    }

    private func table(_ value: TOMLValue?, item: Int? = nil) throws -> TOMLTable {
        var value = value
        if let item, case .array(let items) = value?.content, items.indices.contains(item) { value = items[item] }
        guard case .table(let table) = value?.content else { throw Failure("not a table") }
        return table
    }
}

/// A failed precondition of a test, thrown so the test stops with a message.
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
