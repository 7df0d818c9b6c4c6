import ArgumentParser
import Glibc
import PoleProtocol

/// `polectl watch`: `status`, redrawn in place once a second until Ctrl-C or the daemon goes away.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the pole's state, redrawn once a second; Ctrl-C stops.",
        discussion: "With --json, one status document per line. Exits 0 on Ctrl-C, 69 when poled goes away (after one reconnection attempt)."
    )

    @OptionGroup var client: ClientOptions

    @Option(name: .long, help: "Redraw interval, e.g. 1s or 500ms.")
    var every = "1s"

    func validate() throws {
        switch ControlVocabulary.milliseconds(every) {
        case .failure(let problem): throw ValidationError("--every: \"\(every)\" \(problem)")
        case .success(let ms) where ms < 100: throw ValidationError("--every: \"\(every)\" is shorter than 100ms")
        case .success: break
        }
    }

    func run() throws {
        let intervalMs = (try? ControlVocabulary.milliseconds(every).get()) ?? 1_000
        var connection = try client.connect()
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGINT)
        sigaddset(&stopSignals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &stopSignals, nil)
        let redraw = Terminal.isInteractive && !client.json
        if redraw { print("\u{1B}[?25l", terminator: "") }
        defer { if redraw { print("\u{1B}[?25h", terminator: "") } }
        while true {
            // A connection the daemon dropped (a restart, or an interval longer than its client
            // timeout) is made again once; a daemon that is gone ends the watch with 69.
            if connection.isClosedByPeer { connection = try client.connect() }
            let (data, status) = try client.call(.status, StatusAnswer.self, on: connection)
            if client.json {
                print(data.serialized)
            } else {
                if redraw { print("\u{1B}[H\u{1B}[2J", terminator: "") }
                StatusView.lines(status).forEach { print($0) }
                if !redraw { print("") }
            }
            fflush(nil)
            var wait = timespec(tv_sec: Int(intervalMs / 1_000), tv_nsec: Int(intervalMs % 1_000) * 1_000_000)
            if sigtimedwait(&stopSignals, nil, &wait) > 0 { return }
        }
    }
}
