import ArgumentParser
import PoleRuntime

/// `poled check-config`: validates the board and site files and shows the pole as it will run.
struct CheckConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the board and site files; exit 0 if valid, 78 with FILE:LINE: KEY: problem if not."
    )

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let configuration = try configOptions.load()
        print(ConfigReport.text(configuration), terminator: "")
    }
}
