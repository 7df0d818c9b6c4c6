/// On or off, for outputs that are nothing else.
public enum Switch: Sendable, Hashable {
    case off
    case on

    /// The name used in traces and the control protocol.
    public var name: String { self == .on ? "on" : "off" }
}
