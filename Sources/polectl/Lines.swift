import ArgumentParser
import PoleProtocol

/// `polectl lines`: every role's line, like gpioinfo but by role.
struct Lines: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show every role's GPIO line: name, chip, direction, active-low, value now.")

    @OptionGroup var client: ClientOptions

    func run() throws {
        let (data, lines) = try client.call(.lines, [LineAnswer].self)
        client.emit(data) {
            var table = TextTable(header: ["ROLE", "LINE", "CHIP", "DIRECTION", "ACTIVE-LOW", "VALUE"])
            for line in lines {
                table.add([line.role, line.line, line.chip ?? "-", line.direction, StatusView.text(line.activeLow), "\(line.value)"])
            }
            table.lines.forEach { print($0) }
        }
    }
}
