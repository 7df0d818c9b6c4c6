import ArgumentParser
import PoleRuntime

/// `polectl air`.
struct Air: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the last minute of air: PM values, grade, CAI, AQI, alert, indicator, mist.")

    @OptionGroup var client: ClientOptions

    func run() throws {
        let air = try client.call(.air)
        client.emit(air) { data in
            print(data == .null ? "this pole has no particulate sensor" : AirView.summary(data))
        }
    }
}
