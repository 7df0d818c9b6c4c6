import ArgumentParser
import PoleProtocol

/// `polectl maintenance on|off [--for D]`.
struct Maintenance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put the crosswalk dark for maintenance, or end it; it ends by itself after --for.",
        discussion: "Audited with your uid. Output tests (`polectl test`) work only in maintenance."
    )

    /// The mode asked for.
    enum State: String, ExpressibleByArgument, CaseIterable {
        case on, off
    }

    @OptionGroup var client: ClientOptions

    @Argument(help: "on or off.")
    var state: State

    @Option(name: .customLong("for"), help: "How long maintenance lasts, e.g. 30m (at most 12h).")
    var duration = "30m"

    @Option(name: .long, help: "Why, for the audit trail.")
    var reason: String?

    func validate() throws {
        if case .failure(let problem) = ControlVocabulary.milliseconds(duration) {
            throw ValidationError("--for: \"\(duration)\" \(problem)")
        }
    }

    func run() throws {
        let durationMs = (try? ControlVocabulary.milliseconds(duration).get()) ?? ControlProtocol.defaultMaintenanceMs
        let (data, answer) = try client.call(.maintenance(on: state == .on, durationMs: durationMs, reason: reason), CommandAnswer.self)
        client.emit(data) { print(answer.message) }
    }
}
