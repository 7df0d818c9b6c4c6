import PoleCore

/// The one-line live status `poled run` prints on stderr: what the pole shows and how the loop keeps time.
struct StatusLine {
    /// Formats the line; `uptimeMs` since start, lateness in ns.
    static func format(
        board: String, uptimeMs: Int64, head: HeadSignal?, outputs: Outputs, ticks: UInt64, overruns: UInt64,
        latenessMaxNanoseconds: UInt64
    ) -> String {
        let seconds = uptimeMs / 1_000
        let clock = "\(pad(seconds / 3_600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
        let late = "\(latenessMaxNanoseconds / 1_000_000).\(pad3(latenessMaxNanoseconds / 1_000 % 1_000))ms"
        var parts = ["poled \(board)", "up \(clock)"]
        if let head {
            parts.append("head \(head.name)")
            parts.append("floor \(outputs.floor.name)")
        }
        parts.append("lamp \(outputs.lampPercent)%")
        parts.append("ticks \(ticks)")
        parts.append("late max \(late)")
        parts.append("overruns \(overruns)")
        return parts.joined(separator: "  ")
    }

    private static func pad<Number: BinaryInteger>(_ value: Number) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static func pad3<Number: BinaryInteger>(_ value: Number) -> String {
        value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : "\(value)"
    }
}
