import PoleConfig

/// Paths and texts of the repository's own board and site files, so tests check what ships.
enum RepositoryFiles {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static let simBoard = root + "/boards/sim.toml"
    static let exampleSite = root + "/boards/poled.example.toml"

    static let sources = ConfigSources(sitePath: nil, boardPath: simBoard, runtimeDirectory: "/run/user/1000", userID: 1000)

    /// A minimal valid simulated board with a crosswalk and two zones.
    static let smallBoard = """
        [board]
        name = "small"
        backend = "sim"

        [lines]
        head_red = { line = "HEAD_RED" }
        head_green = { line = "HEAD_GREEN" }
        floor_red = { line = "FLOOR_RED" }
        floor_green = { line = "FLOOR_GREEN" }
        presence_b = { line = "PRESENCE_B" }
        presence_a = { line = "PRESENCE_A" }

        """

    /// Parses a site text against `smallBoard` (or a given board) and returns the error, if any.
    static func error(site: String? = nil, board: String = smallBoard) -> ConfigError? {
        do {
            _ = try ConfigLoader.parse(
                site: site.map { ("poled.toml", $0) }, board: ("board.toml", board), sources: sources
            )
            return nil
        } catch {
            return error
        }
    }
}
