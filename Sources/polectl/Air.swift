import ArgumentParser
import PoleProtocol

/// `polectl air`.
struct Air: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the last minute of air: PM values, grade, CAI, AQI, alert, indicator, mist.")

    @OptionGroup var client: ClientOptions

    func run() throws {
        let (data, air) = try client.call(.air, AirAnswer?.self)
        client.emit(data) {
            print(air.map(AirView.summary) ?? "this pole has no particulate sensor")
        }
    }
}
