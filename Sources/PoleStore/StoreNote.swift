/// One thing opening the store found that the log must say, with the level to say it at.
///
/// Exists so the store's opening (which runs before logging is wired to it, and again on its own
/// queue) reports what it found as values, and the daemon decides where they go.
public struct StoreNote: Sendable, Hashable, CustomStringConvertible {
    public enum Level: Sendable, Hashable {
        /// Something was lost or cannot be used: a technician must look.
        case error
        /// Something was repaired or works only in part.
        case warning
        /// Worth knowing: a state file imported, the store in use again.
        case notice
    }

    public var level: Level
    public var text: String

    init(_ level: Level, _ text: String) {
        self.level = level
        self.text = text
    }

    public var description: String { text }
}
