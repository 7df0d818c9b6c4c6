import ArgumentParser
import PoleConfig
import PoleCore
import PoleRuntime

/// `polectl test ROLE [--for D]`.
struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Drive one output role for a while (maintenance only), then restore it.",
        discussion: """
            floor_green lights only while the head shows green and stops when it leaves green; floor_red \
            only while it shows red; voice_green_cross is refused (\"cross\" plays only over a green floor, \
            which maintenance keeps dark). Audited with your uid.
            """
    )

    @OptionGroup var client: ClientOptions

    @Argument(help: "An output role, e.g. floor_green, beacon, lamp_relay, air_bad, mist (`polectl lines` lists them).")
    var role: String

    @Option(name: .customLong("for"), help: "How long, e.g. 10s (at most 10m).")
    var duration = "10s"

    func validate() throws {
        guard Role(name: role) != nil else { throw ValidationError("\"\(role)\" is not a role; `polectl lines` lists this pole's") }
        if case .failure(let problem) = DurationText.milliseconds(duration) {
            throw ValidationError("--for: \"\(duration)\" \(problem)")
        }
    }

    func run() throws {
        guard let role = Role(name: role) else { throw PolectlExit.usage }
        let durationMs = (try? DurationText.milliseconds(duration).get()) ?? ControlRequest.defaultTestMs
        let answer = try client.call(.test(role: role, durationMs: durationMs))
        client.emit(answer) { print(StatusView.text($0["message"])) }
    }
}
