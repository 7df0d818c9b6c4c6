/// A scripted stretch of street life (docs/formats.md, "Scenario (JSON)"), run in virtual time by
/// `poled simulate` and by `poled run` on the simulated board.
public struct Scenario: Sendable, Hashable {
    /// One timed change.
    public struct Step: Sendable, Hashable {
        /// When it happens, in ms from the scenario's start.
        public var atMs: Int64
        public var action: StreetAction
        /// Its index in the file's `steps`, for messages.
        public var index: Int

        public init(atMs: Int64, action: StreetAction, index: Int) {
            self.atMs = atMs
            self.action = action
            self.index = index
        }
    }

    /// The wall-clock time at the start, in seconds since the Unix epoch.
    public var startUTCSeconds: Int64
    public var durationMs: Int64
    /// Seeds every random choice the simulated street makes.
    public var seed: UInt64
    /// Steps sorted by time; steps at the same time keep file order.
    public var steps: [Step]

    public init(startUTCSeconds: Int64, durationMs: Int64, seed: UInt64, steps: [Step]) {
        self.startUTCSeconds = startUTCSeconds
        self.durationMs = durationMs
        self.seed = seed
        self.steps = steps.enumerated().sorted { ($0.element.atMs, $0.offset) < ($1.element.atMs, $1.offset) }
            .map(\.element)
    }
}
