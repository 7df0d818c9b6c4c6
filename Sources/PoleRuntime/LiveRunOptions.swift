public import PoleConfig
public import PoleHAL
public import PoleSim
public import PoleStore

/// How `poled run` should behave beyond the configuration.
public struct LiveRunOptions: Sendable {
    /// Where the configuration came from, to read it again on SIGHUP.
    public var sources: ConfigSources
    /// A scenario to play in real time on the simulated board; `nil` plays the built-in demo day.
    public var scenario: Scenario?
    /// Seed of the demo day.
    public var seed: UInt64
    /// How often the status line is printed, in ms; 0 for never.
    public var statusEveryMs: Int64
    /// Stop after this long, in ms (`nil`: until a signal).
    public var durationMs: Int64?
    /// Where to write the trace (docs/formats.md, "Trace (JSON Lines)") of the live run, if anywhere:
    /// written once a second, so the loop makes one write a second at most.
    public var trace: ByteFile?
    /// Collect the loop's timing and hand its report here when the run ends (`--loop-stats`).
    public var loopStats: (@Sendable (String) -> Void)?
    /// Monotonic nanoseconds when the process started, for the first tick's delay (logged, and in the
    /// loop stats).
    public var processStartNanoseconds: UInt64?
    /// Where to record the core's input stream (`poled replay`), if anywhere; written once a second.
    public var record: ByteFile?
    /// Standard error for the live status line (the log's handlers share it), so neither ever waits
    /// for a reader; its dropped lines are reported in `status`.
    public var logWriter = LogWriter()

    public init(sources: ConfigSources, scenario: Scenario?, seed: UInt64, statusEveryMs: Int64, durationMs: Int64?) {
        self.sources = sources
        self.scenario = scenario
        self.seed = seed
        self.statusEveryMs = statusEveryMs
        self.durationMs = durationMs
    }
}

/// Why the daemon stopped other than by a signal.
public enum LiveRunFailure: Error, Sendable {
    /// A line or device could not be opened or driven.
    case hardware(HALError)
    /// The control socket could not be opened.
    case control(ControlSocketListener.Failure)
    /// The control socket's or the state's folder could be another user's (`DaemonFolders`).
    case folder(String)
}
