import ArgumentParser
import Glibc
import PoleProtocol

/// `polectl events [--since D]`.
struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show recent events from the store: faults, clears, maintenance, tests, sensor errors, alerts, audited commands.",
        discussion: "Each event shows its store id (#N, the id the uplink carries); one still waiting for the store's next write shows (unsaved)."
    )

    @OptionGroup var client: ClientOptions

    @Option(name: .long, help: "Only events within this long, e.g. 1h.")
    var since: String?

    func validate() throws {
        if let since, case .failure(let problem) = ControlVocabulary.milliseconds(since) {
            throw ValidationError("--since: \"\(since)\" \(problem)")
        }
    }

    func run() throws {
        let sinceMs = since.flatMap { try? ControlVocabulary.milliseconds($0).get() }
        let (data, events) = try client.call(.events(sinceMs: sinceMs), [EventAnswer].self)
        client.emit(data) {
            if events.isEmpty { print("no events") }
            for event in events {
                let details = event.fields.keys.sorted().map { "\($0)=\(event.fields[$0] ?? "")" }.joined(separator: " ")
                let id = event.id.map { "#\($0)" } ?? "(unsaved)"
                print("\(Self.time(event.utcMs))  \(id)  \(event.name)  \(details)")
            }
        }
    }

    /// Local time of an event, as `2026-11-25 19:43:16`.
    private static func time(_ ms: Int64) -> String {
        var seconds = time_t(ms / 1_000)
        var parts = tm()
        localtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1_900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }
}
