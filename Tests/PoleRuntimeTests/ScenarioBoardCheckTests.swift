import PoleConfig
import PoleRuntime
import PoleSim
import Testing

@Suite struct ScenarioBoardCheckTests {
    private static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    @Test func zonesAndDevicesTheBoardLacksAreNamed() throws {
        let board = try ConfigLoader.load(ConfigSources(
            sitePath: nil, boardPath: Self.root + "/boards/sim.toml", runtimeDirectory: "/tmp", userID: 0
        )).board
        let scenario = try ScenarioParser.parse(file: "s.json", bytes: Array("""
            { "start": "2026-11-25T18:00:00Z", "duration": "1m", "steps": [
              { "at": "0s", "presence": { "zone": "c", "value": true } },
              { "at": "1s", "presence": { "zone": "a", "value": true } },
              { "at": "2s", "i2c": { "device": "lux", "fault": "nack" } } ] }
            """.utf8)).get()
        #expect(ScenarioBoardCheck.problems(scenario, board: board).map(\.description) == [
            "steps[0].presence.zone: \"c\" is not a presence zone of board \(Self.root)/boards/sim.toml; its zones: a, b, crossing"
        ])
        let lampBoard = try ConfigLoader.load(ConfigSources(
            sitePath: nil, boardPath: Self.root + "/boards/pi4-crosswalk.toml", runtimeDirectory: "/tmp", userID: 0
        )).board
        #expect(ScenarioBoardCheck.problems(scenario, board: lampBoard).map(\.field) == ["steps[0].presence.zone", "steps[2].i2c.device"])
    }
}
