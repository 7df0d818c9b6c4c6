import PoleConfig
import PoleCore
import Testing

@Suite struct SiteValidationTests {
    @Test func aValidSiteFileSetsEverySetting() throws {
        let site = """
            [site]
            id = "gangnam-17"
            latitude = 37.5
            longitude = 127
            time_zone = "Asia/Seoul"
            [loop]
            tick = "10ms"
            [crosswalk]
            debounce = "30ms"
            startup_hold = "10s"
            [crosswalk.flash]
            min_pulse = "300ms"
            max_pulse = "800ms"
            [store]
            path = "/srv/poled.sqlite"
            [control]
            socket = "/run/poled/ctl.sock"
            group = "techs"
            """
        let configuration = try ConfigLoader.parse(
            site: ("poled.toml", site), board: ("board.toml", RepositoryFiles.smallBoard), sources: RepositoryFiles.sources
        )
        #expect(configuration.site.siteID == "gangnam-17")
        #expect(configuration.site.longitude == 127)
        #expect(configuration.site.tickMs == 10)
        #expect(configuration.site.crosswalk == CrosswalkSettings(debounceMs: 30, flashPulseMinMs: 300, flashPulseMaxMs: 800, startupHoldMs: 10_000))
        #expect(configuration.site.store.path == "/srv/poled.sqlite")
        #expect(configuration.site.controlGroup == "techs")
        #expect(configuration.poleSettings.presenceZones == ["a", "b"])
    }

    /// Issue 17: the request timeout and the per-uid cap, with their defaults and ranges.
    @Test func theControlSocketsRequestTimeoutAndPerUidCap() throws {
        let defaults = try ConfigLoader.parse(site: ("poled.toml", ""), board: ("board.toml", RepositoryFiles.smallBoard), sources: RepositoryFiles.sources)
        #expect(defaults.site.controlRequestTimeoutMs == 5_000)
        #expect(defaults.site.controlMaxClientsPerUid == 16)
        #expect(defaults.site.controlClientTimeoutMs == 10_000)
        let set = try ConfigLoader.parse(
            site: ("poled.toml", "[control]\nmax_clients = 8\nmax_clients_per_uid = 8\nrequest_timeout = \"2s\"\n"),
            board: ("board.toml", RepositoryFiles.smallBoard), sources: RepositoryFiles.sources
        )
        #expect(set.site.controlRequestTimeoutMs == 2_000)
        #expect(set.site.controlMaxClientsPerUid == 8)
        let few = try ConfigLoader.parse(
            site: ("poled.toml", "[control]\nmax_clients = 4\n"), board: ("board.toml", RepositoryFiles.smallBoard), sources: RepositoryFiles.sources
        )
        #expect(few.site.controlMaxClientsPerUid == 4, "the default cap is never above max_clients")
        let over = try #require(RepositoryFiles.error(site: "[control]\nmax_clients = 8\nmax_clients_per_uid = 9\n"))
        #expect(over.description == "poled.toml:3: control.max_clients_per_uid: 9 is more than max_clients (8); expected 1 to 8")
        let quick = try #require(RepositoryFiles.error(site: "[control]\nrequest_timeout = \"50ms\"\n"))
        #expect(quick.description.hasPrefix("poled.toml:2: control.request_timeout: \"50ms\" is out of range; expected 100ms…1h"))
    }

    @Test func aMisspeltKeyNamesFileLineKeyAndTheKnownKeys() throws {
        let error = try #require(RepositoryFiles.error(site: "[loop]\ntick = \"20ms\"\n\n[crosswalk]\ndebounse = \"40ms\"\n"))
        #expect(error.issues.count == 1)
        #expect(error.description == "poled.toml:5: crosswalk.debounse: unknown key; expected one of: debounce, startup_hold, follow_allowance, night_level, crossing_zones, flash, beacon, voice, spotlight")
    }

    @Test func anUnknownSectionIsAnError() throws {
        let error = try #require(RepositoryFiles.error(site: "[lamps]\nidle = 30\n"))
        #expect(error.description.hasPrefix("poled.toml:1: lamps: unknown key; expected one of: board, site, loop"))
    }

    @Test(arguments: [
        ("\"20 ms\"", "loop.tick: \"20 ms\" has \" \" where a whole number was expected"),
        ("\"20\"", "loop.tick: \"20\" has a number without a unit"),
        ("\"2s\"", "loop.tick: \"2s\" is out of range; expected 5ms…100ms"),
        ("20", "loop.tick: expected a duration string like \"30s\", found an integer 20"),
    ])
    func aBadDurationIsNamed(value: String, message: String) throws {
        let error = try #require(RepositoryFiles.error(site: "[loop]\ntick = \(value)\n"))
        #expect(error.issues.count == 1)
        #expect(error.description.hasPrefix("poled.toml:2: \(message)"))
    }

    @Test func outOfRangeNumbersAndBadNamesAreErrors() throws {
        let site = """
            [site]
            id = "Seoul City"
            latitude = 91.0
            longitude = "east"
            time_zone = "../etc/passwd"
            """
        let error = try #require(RepositoryFiles.error(site: site))
        #expect(error.issues.map(\.keyPath) == ["site.id", "site.latitude", "site.longitude", "site.time_zone"])
        #expect(error.issues.map(\.line) == [2, 3, 4, 5])
        #expect(error.issues[1].problem == "91.0 is out of range; expected -90.0…90.0")
    }

    @Test func aFlashPulseAsLongAsTheImplausibleLimitIsRejected() throws {
        let error = try #require(RepositoryFiles.error(site: "[crosswalk.flash]\nmax_pulse = \"9s\"\n"))
        #expect(error.description == "poled.toml:2: crosswalk.flash.max_pulse: \"9s\" is not shorter than the 1500ms implausible-head limit; expected 100ms…1499ms")
    }

    @Test func minPulseMustBeShorterThanMaxPulse() throws {
        let error = try #require(RepositoryFiles.error(site: "[crosswalk.flash]\nmin_pulse = \"900ms\"\nmax_pulse = \"600ms\"\n"))
        #expect(error.issues.count == 1)
        #expect(error.issues[0].problem.contains("must be shorter than max_pulse 600ms"))
    }

    @Test func relativePathsAreRejected() throws {
        let error = try #require(RepositoryFiles.error(site: "[store]\npath = \"poled.sqlite\"\n"))
        #expect(error.description == "poled.toml:2: store.path: \"poled.sqlite\" is not an absolute path")
    }

    @Test func aTOMLSyntaxErrorHasItsLine() throws {
        let error = try #require(RepositoryFiles.error(site: "[loop]\ntick = \"20ms\n"))
        #expect(error.issues.first?.line == 2)
        #expect(error.issues.first?.problem.hasPrefix("not valid TOML") == true)
    }

    @Test func everyProblemIsReportedAtOnceInLineOrder() throws {
        let error = try #require(RepositoryFiles.error(site: "[crosswalk]\nstartup_hold = \"1y\"\n[loop]\ntick = \"1ms\"\nbogus = 1\n"))
        #expect(error.issues.map(\.line) == [2, 4, 5])
    }
}
