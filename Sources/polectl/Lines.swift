import ArgumentParser
import PoleRuntime

/// `polectl lines`: every role's line, like gpioinfo but by role.
struct Lines: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show every role's GPIO line: name, chip, direction, active-low, value now.")

    @OptionGroup var client: ClientOptions

    func run() throws {
        let lines = try client.call(.lines)
        client.emit(lines) { data in
            var table = TextTable(header: ["ROLE", "LINE", "CHIP", "DIRECTION", "ACTIVE-LOW", "VALUE"])
            let t = StatusView.text
            for line in data.array ?? [] {
                table.add([t(line["role"]), t(line["line"]), t(line["chip"]), t(line["direction"]), t(line["active_low"]), t(line["value"])])
            }
            table.lines.forEach { print($0) }
        }
    }
}
