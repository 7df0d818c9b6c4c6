import PoleConfig
import Testing

/// Every problem is reported at the line of the value itself, wherever TOML lets a value stand.
@Suite struct ValueLineTests {
    @Test func eachItemOfAMultiLineArrayIsNamedAtItsOwnLine() throws {
        let site = """
            [crosswalk]
            crossing_zones = [
                "a",
                "crosing",
                "Bad Zone",
            ]
            """
        let error = try #require(RepositoryFiles.error(site: site))
        #expect(error.issues.map(\.description) == [
            "poled.toml:4: crosswalk.crossing_zones: \"crosing\" is not a presence zone of board board.toml; its zones: a, b",
            "poled.toml:5: crosswalk.crossing_zones: \"Bad Zone\" is not a zone name; expected lower-case letters, digits and _",
        ])
        let misspelt = try #require(RepositoryFiles.error(site: "[crosswalk]\ncrossing_zones = [\n  \"a\",\n  \"crosing\",\n]\n"))
        #expect(misspelt.description == "poled.toml:4: crosswalk.crossing_zones: \"crosing\" is not a presence zone of board board.toml; its zones: a, b")
    }

    @Test func inlineTablesInAMultiLineArrayAreNamedAtTheirLines() throws {
        let site = """
            [lamp]
            calendar = [
                { name = "crops", start = "00:00", end = "05:00", action = "off" },
                { name = "festival", start = "25:00", end = "02:00", action = "level", level = 100 },

                { name = "market", start = "18:00", end = "18:00", action = "off" },
            ]
            """
        let error = try #require(RepositoryFiles.error(site: site))
        #expect(error.issues.map(\.description) == [
            "poled.toml:4: lamp.calendar[1].start: \"25:00\" is not a time; expected \"HH:MM\" such as \"23:30\"",
            "poled.toml:6: lamp.calendar[2].end: the window is empty; start and end differ",
        ])
    }

    @Test func eachItemOfAMultiLineArrayInATableOfAnArrayIsNamedAtItsLine() throws {
        let site = """
            [[lamp.calendar]]
            name = "market"
            start = "18:00"
            end = "20:00"
            action = "off"
            weekdays = [
                "sat",
                "sunday",
            ]
            """
        let error = try #require(RepositoryFiles.error(site: site))
        #expect(error.description == "poled.toml:8: lamp.calendar[0].weekdays: \"sunday\" is not a weekday; expected sun, mon, tue, wed, thu, fri, sat")
    }

    @Test func aMissingKeyIsNamedAtItsInlineTable() throws {
        let board = RepositoryFiles.smallBoard + "beacon = {\n"
        #expect(RepositoryFiles.error(board: board) != nil, "an inline table stays on one line")
        let error = try #require(RepositoryFiles.error(board: RepositoryFiles.smallBoard + "\n\nbeacon = { chip = \"x\" }\n"))
        #expect(error.description == "board.toml:14: lines.beacon: missing key line; expected the line's name, e.g. line = \"GPIO17\"")
    }

    @Test func textInsideAMultiLineStringIsNotMistakenForKeys() throws {
        let site = """
            [uplink]
            username = \"""
            port = 1
            \"""
            port = 70000
            """
        let error = try #require(RepositoryFiles.error(site: site))
        #expect(error.description == "poled.toml:5: uplink.port: 70000 is out of range; expected 1…65535")
    }

    @Test func aValueOnTheLineAfterItsKeyIsNamedAtItsOwnLine() throws {
        let site = "[crosswalk.flash]\nmax_pulse = \"\"\"\n9s\"\"\"\n"
        let error = try #require(RepositoryFiles.error(site: site))
        #expect(error.description == "poled.toml:2: crosswalk.flash.max_pulse: \"9s\" is not shorter than the 1500ms implausible-head limit; expected 100ms…1499ms")
    }

    @Test func aDateIsATOMLLocalDateOrAString() throws {
        let configuration = try ConfigLoader.parse(
            site: ("poled.toml", "[clock]\nmin_valid = 2026-01-01\n"), board: ("board.toml", RepositoryFiles.smallBoard),
            sources: RepositoryFiles.sources
        )
        #expect(configuration.poleSettings.night.clockMinValidUTCSeconds == 1_767_225_600)
        let error = try #require(RepositoryFiles.error(site: "[clock]\nmin_valid = 2026-01-01T00:00:00Z\n"))
        #expect(error.description == "poled.toml:2: clock.min_valid: 2026-01-01T00:00:00Z is not a date; expected \"YYYY-MM-DD\" such as \"2025-01-01\"")
    }
}
