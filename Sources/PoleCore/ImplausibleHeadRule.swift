/// docs/safety.md, invariant 4: a head showing red and green together for 300 ms, or neither for
/// 1 500 ms, cannot be believed. The condition clears itself when the head shows exactly one lamp.
struct ImplausibleHeadRule: Sendable {
    private var bothLitSinceMs: Int64?
    private var darkSinceMs: Int64?
    /// Whether the head is implausible now.
    private(set) var isImplausible = false

    /// Feeds the debounced head lamps; returns whether the head is implausible.
    mutating func update(red: Lamp, green: Lamp, nowMs: Int64) -> Bool {
        let bothLit = red == .lit && green == .lit
        let dark = red == .dark && green == .dark
        bothLitSinceMs = bothLit ? (bothLitSinceMs ?? nowMs) : nil
        darkSinceMs = dark ? (darkSinceMs ?? nowMs) : nil
        if let since = bothLitSinceMs, nowMs - since >= MonitorTimings.implausibleBothLitMs {
            isImplausible = true
        } else if let since = darkSinceMs, nowMs - since >= MonitorTimings.implausibleDarkMs {
            isImplausible = true
        } else if !bothLit, !dark {
            isImplausible = false
        }
        return isImplausible
    }
}
