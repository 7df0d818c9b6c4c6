/// Rate-limits overrun warnings to one every 10 s, each with the ticks missed since the last one.
struct OverrunLog {
    static let intervalMs: Int64 = 10_000
    private var unreported = 0
    private var lastLoggedMs: Int64?

    /// Returns the missed ticks to report now, or `nil` when nothing is due.
    mutating func record(_ timing: TickTiming) -> Int? {
        unreported += timing.missedTicks
        guard unreported > 0 else { return nil }
        if let last = lastLoggedMs, timing.elapsedMs - last < Self.intervalMs { return nil }
        lastLoggedMs = timing.elapsedMs
        defer { unreported = 0 }
        return unreported
    }
}
