import Glibc
import PoleConfig
import Testing

/// Every board file in `boards/` must pass `poled check-config` as shipped.
@Suite struct ShippedBoardsTests {
    static let boards: [String] = {
        guard let directory = opendir(RepositoryFiles.root + "/boards") else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".toml"), name != "poled.example.toml" { names.append(name) }
        }
        return names.sorted()
    }()

    @Test func theRepositoryShipsTheRealPoleBoards() {
        #expect(Set(Self.boards).isSuperset(of: ["sim.toml", "pi4-crosswalk.toml", "pi4-lamp.toml", "pi5-crosswalk.toml", "pi5-lamp.toml"]))
    }

    @Test(arguments: boards)
    func aShippedBoardIsValid(name: String) throws {
        let configuration = try ConfigLoader.load(ConfigSources(
            sitePath: nil, boardPath: RepositoryFiles.root + "/boards/" + name, runtimeDirectory: "/tmp", userID: 0
        ))
        #expect(!configuration.features.isEmpty)
        if name.hasPrefix("pi") {
            #expect(configuration.board.backend == .gpiod)
            #expect(configuration.board.lines.allSatisfy { $0.chip != nil }, "real boards name the header chip")
            #expect(configuration.features.contains(.heartbeat))
        }
    }

    @Test func thePi5BoardsDifferFromThePi4OnesOnlyInTheHeaderChip() throws {
        for kind in ["crosswalk", "lamp"] {
            func load(_ name: String) throws -> BoardConfig {
                try ConfigLoader.load(ConfigSources(sitePath: nil, boardPath: RepositoryFiles.root + "/boards/\(name)-\(kind).toml", runtimeDirectory: "/tmp", userID: 0)).board
            }
            let pi4 = try load("pi4")
            let pi5 = try load("pi5")
            #expect(pi4.lines.map(\.line) == pi5.lines.map(\.line))
            #expect(Set(pi4.lines.compactMap(\.chip)) == ["pinctrl-bcm2711"])
            #expect(Set(pi5.lines.compactMap(\.chip)) == ["pinctrl-rp1"])
        }
    }

    @Test func lampBoardsFailLit() throws {
        let board = try ConfigLoader.load(ConfigSources(sitePath: nil, boardPath: RepositoryFiles.root + "/boards/pi4-lamp.toml", runtimeDirectory: "/tmp", userID: 0)).board
        #expect(board.binding(.lampRelay)?.safeOn == true)
        #expect(board.binding(.lampDim)?.safeOn == true)
        #expect(board.binding(.lampRelay)?.activeLow == true, "a normally-closed relay: lit when the coil is off")
    }
}
