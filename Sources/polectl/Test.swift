import ArgumentParser
import PoleProtocol

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
        guard ControlVocabulary.role(named: role) != nil else { throw ValidationError("\"\(role)\" is not a role; `polectl lines` lists this pole's") }
        if case .failure(let problem) = ControlVocabulary.milliseconds(duration) {
            throw ValidationError("--for: \"\(duration)\" \(problem)")
        }
    }

    func run() throws {
        guard let role = ControlVocabulary.role(named: role) else { throw PolectlExit.usage }
        let durationMs = (try? ControlVocabulary.milliseconds(duration).get()) ?? ControlProtocol.defaultTestMs
        let (data, answer) = try client.call(.test(role: role, durationMs: durationMs), CommandAnswer.self)
        client.emit(data) { print(answer.message) }
    }
}
