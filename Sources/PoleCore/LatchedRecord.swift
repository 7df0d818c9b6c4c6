/// How far the runtime has got in keeping the latched faults the core holds now.
///
/// Exists because a latched fault must outlive the process (safety invariant 5) and a
/// clear must too: the runtime keeps the latched set in two copies (the store and a checksummed
/// file beside it) and says here, each tick, whether a restart would restore exactly the set the
/// core holds. The floor follows the head only while it would.
public enum LatchedRecord: String, Sendable, Hashable, CaseIterable {
    /// A restart would restore exactly the faults latched now.
    case saved
    /// The last change is being written.
    case saving
    /// Writing it failed or has taken too long: a restart would restore another set.
    case unsaved

    /// The name used in recordings.
    public var name: String { rawValue }
}
