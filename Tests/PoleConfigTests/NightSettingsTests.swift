import PoleConfig
import PoleCore
import Testing

@Suite struct NightSettingsTests {
    @Test func nightAndClockSettingsAreRead() throws {
        let site = """
            [site]
            latitude = 60.17
            longitude = 24.94
            [night]
            mode = "astro"
            dusk_offset_minutes = -10
            dawn_offset_minutes = 15
            sensor_window_minutes = 30
            turn_on_delay = "2m"
            [clock]
            min_valid = "2026-01-01"
            max_jump = "5m"
            distrust_after_jump = "1h"
            """
        let configuration = try ConfigLoader.parse(
            site: ("poled.toml", site), board: ("board.toml", RepositoryFiles.smallBoard), sources: RepositoryFiles.sources
        )
        let night = configuration.poleSettings.night
        #expect(night.latitudeDegrees == 60.17)
        #expect(night.longitudeDegrees == 24.94)
        #expect(night.duskOffsetMinutes == -10)
        #expect(night.dawnOffsetMinutes == 15)
        #expect(night.sensorWindowMinutes == 30)
        #expect(night.sensorTurnOnDelayMs == 120_000)
        #expect(night.clockMinValidUTCSeconds == 1_767_225_600)
        #expect(night.clockMaxJumpMs == 300_000)
        #expect(night.clockDistrustAfterJumpMs == 3_600_000)
    }

    @Test func aSensorModeNeedsAPhotocell() throws {
        let error = try #require(RepositoryFiles.error(site: "[night]\nmode = \"sensor\"\n"))
        #expect(error.description == "poled.toml:2: night.mode: \"sensor\" needs a photocell or a lux sensor, and board board.toml has neither; use \"astro\" or add one")
    }

    @Test func aMalformedDateIsNamed() throws {
        let error = try #require(RepositoryFiles.error(site: "[clock]\nmin_valid = \"2025-13-01\"\n"))
        #expect(error.description == "poled.toml:2: clock.min_valid: \"2025-13-01\" is not a date; expected \"YYYY-MM-DD\" such as \"2025-01-01\"")
    }

    @Test func anUnknownModeListsTheModes() throws {
        let error = try #require(RepositoryFiles.error(site: "[night]\nmode = \"moon\"\n"))
        #expect(error.issues.first?.problem == "\"moon\" is not one of \"astro\", \"sensor\", \"astro-and-sensor\"")
    }
}

@Suite struct LampSettingsTests {
    @Test func lampSettingsAndCalendarRulesAreRead() throws {
        let site = """
            [lamp]
            idle_level = 20
            ramp_down = "1m"

            [[lamp.calendar]]
            name = "crops"
            from = "06-01"
            to = "09-30"
            start = "00:00"
            end = "05:00"
            action = "off"

            [[lamp.calendar]]
            name = "festival"
            weekdays = ["fri", "sat"]
            start = "18:00"
            end = "02:00"
            action = "level"
            level = 100
            """
        let configuration = try ConfigLoader.parse(
            site: ("poled.toml", site), board: ("board.toml", RepositoryFiles.smallBoard + "lamp_relay = { line = \"R\" }\n"),
            sources: RepositoryFiles.sources
        )
        let lamp = try #require(configuration.poleSettings.lamp)
        #expect(lamp.idleLevelPercent == 20)
        #expect(lamp.rampDownMs == 60_000)
        #expect(lamp.calendar.map(\.name) == ["crops", "festival"])
        #expect(lamp.calendar[0].fromMonthDay == 601)
        #expect(lamp.calendar[1].weekdayMask == 0b110_0000)
        #expect(lamp.calendar[1].action == .idleLevel(100))
    }

    @Test func aBadRuleIsNamedWithItsIndexAndLine() throws {
        let site = """
            [[lamp.calendar]]
            name = "crops"
            start = "00:00"
            end = "05:00"
            action = "off"

            [[lamp.calendar]]
            name = "festival"
            start = "25:00"
            end = "02:00"
            action = "level"
            """
        let error = try #require(RepositoryFiles.error(site: site))
        #expect(error.issues.map(\.description) == [
            "poled.toml:7: lamp.calendar[1]: missing key level; action \"level\" needs a level 0…100",
            "poled.toml:9: lamp.calendar[1].start: \"25:00\" is not a time; expected \"HH:MM\" such as \"23:30\"",
        ])
    }

    @Test func withoutALampTheBoardHasNoLampSettings() throws {
        let configuration = try ConfigLoader.parse(site: nil, board: ("board.toml", RepositoryFiles.smallBoard), sources: RepositoryFiles.sources)
        #expect(configuration.poleSettings.lamp == nil)
    }
}
