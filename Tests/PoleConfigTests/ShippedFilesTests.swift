import PoleConfig
import PoleCore
import Testing

@Suite struct ShippedFilesTests {
    @Test func theSimulatedBoardBindsEveryRoleAndEveryFeature() throws {
        let configuration = try ConfigLoader.load(RepositoryFiles.sources)
        #expect(configuration.board.backend == .sim)
        #expect(configuration.features == PoleConfiguration.Feature.allCases)
        #expect(configuration.board.presenceZones == ["a", "b", "crossing"])
        #expect(configuration.board.i2c.map(\.role) == ["lux", "pm"])
        #expect(configuration.poleSettings.crosswalk == CrosswalkSettings())
    }

    @Test func withoutASiteFileStateGoesUnderTheRuntimeDirectory() throws {
        let configuration = try ConfigLoader.load(RepositoryFiles.sources)
        #expect(configuration.siteFile == nil)
        #expect(configuration.site.controlSocket == "/run/user/1000/poled/control.sock")
        #expect(configuration.site.store.path == "/run/user/1000/poled/poled.sqlite")
    }

    @Test func withoutARuntimeDirectoryStateGoesUnderTmpByUser() throws {
        var sources = RepositoryFiles.sources
        sources.runtimeDirectory = nil
        sources.userID = 4242
        let configuration = try ConfigLoader.load(sources)
        #expect(configuration.site.controlSocket == "/tmp/poled-4242/control.sock")
    }

    @Test func theExampleSiteFileIsValidAndStatesTheDefaults() throws {
        let sources = ConfigSources(sitePath: RepositoryFiles.exampleSite, boardPath: nil, runtimeDirectory: nil, userID: 0)
        let configuration = try ConfigLoader.load(sources)
        #expect(configuration.site == SiteSettings(), "every value in the example equals its default")
        #expect(configuration.board.file == RepositoryFiles.root + "/boards/sim.toml", "board path is relative to the site file")
    }

    @Test func aMissingFileIsAnErrorNamingIt() {
        let sources = ConfigSources(sitePath: "/nonexistent/poled.toml", boardPath: nil, runtimeDirectory: nil, userID: 0)
        #expect(throws: ConfigError.self) { try ConfigLoader.load(sources) }
        do {
            _ = try ConfigLoader.load(sources)
        } catch {
            #expect(error.description.hasPrefix("/nonexistent/poled.toml: cannot read: "))
        }
    }
}
