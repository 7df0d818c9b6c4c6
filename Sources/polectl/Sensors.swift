import ArgumentParser
import PoleRuntime

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
            let sensors = try client.call(.sensors)
            client.emit(sensors) { data in
                var table = TextTable(header: ["ROLE", "KIND", "BUS", "ADDR", "STATE", "SERIAL", "FIRMWARE", "SAMPLE AGE", "ERRORS", "LAST ERROR", "FLAGS"])
                let t = StatusView.text
                for sensor in data.array ?? [] {
                    let flags = (sensor["flags"]?.array ?? []).compactMap(\.string)
                    table.add([
                        t(sensor["role"]), t(sensor["kind"]), t(sensor["bus"]), t(sensor["address"]), t(sensor["state"]),
                        t(sensor["serial"]), t(sensor["firmware"]), StatusView.age(sensor["last_sample_age_ms"]), t(sensor["errors"]),
                        t(sensor["last_error"]), flags.isEmpty ? "-" : flags.joined(separator: ","),
                    ])
                }
                if data.array?.isEmpty ?? true { print("no I²C sensors on this pole") } else { table.lines.forEach { print($0) } }
            }
        }
    }

    /// `polectl sensors clean`.
    struct Clean: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start the SPS30's fan cleaning (about 10 s, no values meanwhile). Audited.")

        @OptionGroup var client: ClientOptions

        func run() throws {
            let answer = try client.call(.cleanSensor)
            client.emit(answer) { print(StatusView.text($0["message"])) }
        }
    }
}
