import PoleConfig
import PoleRuntime
import PoleSim
import Testing

@Suite struct ScenarioBoardCheckTests {

    @Test func zonesAndDevicesTheBoardLacksAreNamed() throws {
        let board = try Repository.configuration(board: "sim.toml").board
        let scenario = try ScenarioParser.parse(file: "s.json", bytes: Array("""
            { "start": "2026-11-25T18:00:00Z", "duration": "1m", "steps": [
              { "at": "0s", "presence": { "zone": "c", "value": true } },
              { "at": "1s", "presence": { "zone": "a", "value": true } },
              { "at": "2s", "i2c": { "device": "lux", "fault": "nack" } } ] }
            """.utf8)).get()
        #expect(ScenarioBoardCheck.problems(scenario, board: board).map(\.description) == [
            "steps[0].presence.zone: \"c\" is not a presence zone of board \(Repository.root)/boards/sim.toml; its zones: a, b, crossing"
        ])
        let lampBoard = try Repository.configuration(board: "pi4-crosswalk.toml").board
        #expect(ScenarioBoardCheck.problems(scenario, board: lampBoard).map(\.field) == ["steps[0].presence.zone", "steps[2].i2c.device"])
    }
}
