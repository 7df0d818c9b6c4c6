import PoleConfig
import PoleRuntime
import PoleSim
@testable import PoleStore

/// The repository's own files, so runtime tests check the boards and scenarios that ship.
enum Repository {
    /// The checkout's root directory.
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The configuration of `boards/<board>` with no site file.
    static func configuration(board: String = "sim.toml") throws -> PoleConfiguration {
        try ConfigLoader.load(ConfigSources(sitePath: nil, boardPath: root + "/boards/" + board, runtimeDirectory: "/tmp", userID: 0))
    }

    /// The scenario at `path`, relative to the root.
    static func scenario(_ path: String) throws -> Scenario {
        let full = root + "/" + path
        return try ScenarioParser.parse(file: full, bytes: ByteFile.readAll(path: full, limit: 1 << 20)).get()
    }

    /// The scenario in `json`.
    static func scenario(json: String) throws -> Scenario {
        try ScenarioParser.parse(file: "test.json", bytes: Array(json.utf8)).get()
    }
}
