import PoleConfig
import PoleCore
import Testing

@Suite struct CrosswalkSettingsTests {
    @Test func everyCrosswalkSettingIsRead() throws {
        let site = """
            [crosswalk]
            follow_allowance = "120ms"
            night_level = 25
            crossing_zones = ["a"]
            [crosswalk.beacon]
            hold = "5s"
            flash_period = "0s"
            [crosswalk.voice]
            rate_limit = "20s"
            pulse = "500ms"
            quiet_hours = "22:30-06:15"
            [crosswalk.spotlight]
            night_base = 30
            boost = 90
            boost_hold = "1m"
            """
        let configuration = try ConfigLoader.parse(
            site: ("poled.toml", site), board: ("board.toml", RepositoryFiles.smallBoard), sources: RepositoryFiles.sources
        )
        let crosswalk = configuration.site.crosswalk
        #expect(crosswalk.followAllowanceMs == 120)
        #expect(crosswalk.nightLevelPercent == 25)
        #expect(crosswalk.crossingZones == ["a"])
        #expect(crosswalk.beaconHoldMs == 5_000)
        #expect(crosswalk.beaconFlashPeriodMs == 0)
        #expect(crosswalk.voiceRateLimitMs == 20_000)
        #expect(crosswalk.voicePulseMs == 500)
        #expect(crosswalk.voiceQuietMinutes == DailyWindow(startMinute: 22 * 60 + 30, endMinute: 6 * 60 + 15))
        #expect(crosswalk.spotlightNightBasePercent == 30)
        #expect(crosswalk.spotlightBoostPercent == 90)
        #expect(crosswalk.spotlightBoostHoldMs == 60_000)
    }

    @Test func aFollowAllowanceShorterThanDebouncePlusTwoTicksIsRejected() throws {
        let error = try #require(RepositoryFiles.error(site: "[loop]\ntick = \"50ms\"\n[crosswalk]\ndebounce = \"40ms\"\nfollow_allowance = \"120ms\"\n"))
        #expect(error.description == "poled.toml:5: crosswalk.follow_allowance: follow_allowance 120ms is shorter than debounce + 2 ticks (140ms): a floor catching up with the head would count toward a conflict")
    }

    @Test func aSlowTickAloneIsCheckedAgainstTheDefaultAllowance() throws {
        let error = try #require(RepositoryFiles.error(site: "[loop]\ntick = \"50ms\"\n"))
        #expect(error.issues.map(\.keyPath) == ["loop.tick"])
        #expect(error.issues.first?.line == 2)
    }

    @Test func theStartUpHoldIsAtLeastSixSeconds() throws {
        let error = try #require(RepositoryFiles.error(site: "[crosswalk]\nstartup_hold = \"2s\"\n"))
        #expect(error.issues.first?.problem == "\"2s\" is out of range; expected 6s…1m")
    }

    @Test func aFollowAllowanceReachingTheConflictLimitIsRejected() throws {
        let error = try #require(RepositoryFiles.error(site: "[crosswalk]\nfollow_allowance = \"300ms\"\n"))
        #expect(error.issues.first?.problem == "\"300ms\" is out of range; expected 20ms…299ms")
    }

    @Test(arguments: ["22:00", "25:00-07:00", "22:00-22:00", "10-12", "22:00-07:0"])
    func malformedDailyWindowAreRejected(text: String) throws {
        let error = try #require(RepositoryFiles.error(site: "[crosswalk.voice]\nquiet_hours = \"\(text)\"\n"))
        #expect(error.issues.map(\.keyPath) == ["crosswalk.voice.quiet_hours"])
    }

    @Test func emptyDailyWindowMeanNone() throws {
        let configuration = try ConfigLoader.parse(
            site: ("poled.toml", "[crosswalk.voice]\nquiet_hours = \"\"\n"), board: ("board.toml", RepositoryFiles.smallBoard),
            sources: RepositoryFiles.sources
        )
        #expect(configuration.site.crosswalk.voiceQuietMinutes == nil)
    }

    @Test func aCrossingZoneTheBoardLacksIsRejected() throws {
        let error = try #require(RepositoryFiles.error(site: "[crosswalk]\ncrossing_zones = [\"crosing\"]\n"))
        #expect(error.description == "poled.toml:2: crosswalk.crossing_zones: \"crosing\" is not a presence zone of board board.toml; its zones: a, b")
    }

    @Test func aBeaconFlashTooFastToSeeIsRejected() throws {
        let error = try #require(RepositoryFiles.error(site: "[crosswalk.beacon]\nflash_period = \"100ms\"\n"))
        #expect(error.issues.first?.problem.hasPrefix("100ms is too fast to see") == true)
    }

    @Test func aSpotlightBoostBelowItsBaseIsRejected() throws {
        let error = try #require(RepositoryFiles.error(site: "[crosswalk.spotlight]\nnight_base = 60\nboost = 40\n"))
        #expect(error.issues.map(\.keyPath) == ["crosswalk.spotlight.boost"])
    }
}
