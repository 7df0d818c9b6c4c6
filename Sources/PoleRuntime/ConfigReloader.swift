import Dispatch
import PoleConfig
import Synchronization

/// Reads, parses and validates the site file again on a queue of its own when SIGHUP asks, so the
/// control loop only swaps in finished settings and never misses a tick over a large or broken file.
///
/// Requests that come while one is being read are coalesced: the file is read once more after the
/// current read, and only the newest result is handed to the loop.
final class ConfigReloader: Sendable {
    private struct State {
        var reading = false
        var readAgain = false
        var result: Result<PoleConfiguration, ConfigError>?
    }

    private let sources: ConfigSources
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "poled.reload")

    init(sources: ConfigSources) {
        self.sources = sources
    }

    /// Starts reading the files (or reads them again after the read in progress); never waits.
    func request() {
        let start = state.withLock { state in
            if state.reading {
                state.readAgain = true
                return false
            }
            state.reading = true
            return true
        }
        if start { queue.async { [self] in read() } }
    }

    /// The newest finished result, taken; `nil` while none waits. Cheap enough for every tick.
    func take() -> Result<PoleConfiguration, ConfigError>? {
        state.withLock { state in
            defer { state.result = nil }
            return state.result
        }
    }

    /// Whether a request has not yet been answered by a result the loop took.
    var isPending: Bool {
        state.withLock { $0.reading || $0.result != nil }
    }

    private func read() {
        while true {
            let result: Result<PoleConfiguration, ConfigError>
            do {
                result = .success(try ConfigLoader.load(sources))
            } catch {
                result = .failure(error)
            }
            let done = state.withLock { state in
                state.result = result
                if state.readAgain {
                    state.readAgain = false
                    return false
                }
                state.reading = false
                return true
            }
            if done { return }
        }
    }
}
