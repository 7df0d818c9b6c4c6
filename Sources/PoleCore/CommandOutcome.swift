/// What the core did with one technician command: the answer the control socket gives back.
///
/// Exists so a refusal ("maintenance is needed") reaches the technician who asked, not only the log.
public enum CommandOutcome: Sendable, Hashable {
    /// Done; the text says what changed.
    case done(String)
    /// Not done; the text says why and what would allow it.
    case refused(String)

    /// The text, done or refused.
    public var message: String {
        switch self {
        case .done(let text), .refused(let text): text
        }
    }

    /// Whether the command was carried out.
    public var isDone: Bool {
        if case .done = self { true } else { false }
    }
}
