import ArgumentParser
import PoleProtocol

/// `polectl sensors` and `polectl sensors clean`.
struct Sensors: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the I²C sensors' health, or start the particulate sensor's fan cleaning.",
        subcommands: [List.self, Clean.self],
        defaultSubcommand: List.self
    )

    /// `polectl sensors [list]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show each sensor: kind, address, identity, last sample, errors, flags.")

        @OptionGroup var client: ClientOptions

        func run() throws {
            let (data, sensors) = try client.call(.sensors, [SensorAnswer].self)
            client.emit(data) {
                var table = TextTable(header: ["ROLE", "KIND", "BUS", "ADDR", "STATE", "SERIAL", "FIRMWARE", "SAMPLE AGE", "ERRORS", "LAST ERROR", "FLAGS"])
                for sensor in sensors {
                    table.add([
                        sensor.role, sensor.kind, sensor.bus, sensor.address, sensor.state, sensor.serial ?? "-", sensor.firmware ?? "-",
                        StatusView.age(sensor.lastSampleAgeMs), "\(sensor.errors)", sensor.lastError ?? "-",
                        sensor.flags.isEmpty ? "-" : sensor.flags.joined(separator: ","),
                    ])
                }
                if sensors.isEmpty { print("no I²C sensors on this pole") } else { table.lines.forEach { print($0) } }
            }
        }
    }

    /// `polectl sensors clean`.
    struct Clean: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start the SPS30's fan cleaning (about 10 s, no values meanwhile). Audited.")

        @OptionGroup var client: ClientOptions

        func run() throws {
            let (data, answer) = try client.call(.cleanSensor, CommandAnswer.self)
            client.emit(data) { print(answer.message) }
        }
    }
}
