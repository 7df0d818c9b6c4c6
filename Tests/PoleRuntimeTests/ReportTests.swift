import PoleConfig
import PoleLinux
import PoleRuntime
import Testing

@Suite struct ConfigReportTests {
    @Test func theReportShowsFeaturesRolesAndPaths() throws {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let board = parts.joined(separator: "/") + "/boards/sim.toml"
        let configuration = try ConfigLoader.load(ConfigSources(sitePath: nil, boardPath: board, runtimeDirectory: "/run/user/7", userID: 7))
        let lines = ConfigReport.text(configuration).split(separator: "\n").map(String.init)
        #expect(lines.first == "Configuration OK")
        #expect(lines.contains { $0.hasPrefix("Features") && $0.hasSuffix(": crosswalk, floor-sense, beacon, voice, spotlight, security-lamp, motion, photocell, light-sensor, air-quality, mist, heartbeat") })
        #expect(lines.contains { $0.hasPrefix("GPIO ") && $0.hasSuffix(": \(Libgpiod.apiDescription) (not used by this board)") })
        #expect(lines.contains { $0.hasPrefix("Control socket") && $0.contains("/run/user/7/poled/control.sock") })
        #expect(lines.contains { $0.hasPrefix("  lamp_relay") && $0.hasSuffix(": LAMP_RELAY (out, safe on)") })
        #expect(lines.contains { $0.hasPrefix("  pm") && $0.hasSuffix(": sps30 at 0x69 on sim") })
        let columns = Set(lines.dropFirst().map { $0.ranges(of: " : ").first?.lowerBound.utf16Offset(in: $0) })
        #expect(columns.count == 1, "labels are aligned in one column")
    }
}
