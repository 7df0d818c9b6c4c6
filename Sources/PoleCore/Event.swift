/// Something that happened in the core this tick, for the trace, the log and the store.
public enum Event: Sendable, Hashable {
    /// The classified head signal changed.
    case head(HeadSignal)
}
