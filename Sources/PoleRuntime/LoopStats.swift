import Glibc
import Histogram
import PoleLinux

/// The loop's timing over a run, for `poled run --loop-stats`: every tick's wake-up lateness in an
/// HDR histogram (1 µs resolution up to 10 s, three significant digits; recording allocates nothing),
/// the overruns, the loop thread's page faults, and what the process used.
///
/// Exists so "punctual" is a number to compare with `cyclictest` at the same interval and priority on
/// the same machine (README.md, "Loop timing").
struct LoopStats {
    private var lateness = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 10_000_000, numberOfSignificantValueDigits: .three)
    /// Monotonic ms from the process's start to its first tick (outputs were driven safe before it).
    var firstTickAfterStartMs: Int64?
    /// The loop thread's page faults at its first tick (start-up's, memory locking's) and when the
    /// loop ended: the difference is what the ticks cost, 0 when nothing on the tick path faults.
    var pageFaultsAtFirstTick: RealtimeMemory.PageFaults?
    var pageFaultsAtEnd: RealtimeMemory.PageFaults?

    mutating func record(_ timing: TickTiming) {
        _ = lateness.record(min(timing.latenessNanoseconds / 1_000, 10_000_000))
    }

    /// The report: lateness percentiles in µs, overruns, CPU time and share of a core, peak RSS.
    func report(ticks: UInt64, overruns: UInt64, tickMs: Int64, elapsedMs: Int64) -> String {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let userMs = Int64(usage.ru_utime.tv_sec) * 1_000 + Int64(usage.ru_utime.tv_usec) / 1_000
        let systemMs = Int64(usage.ru_stime.tv_sec) * 1_000 + Int64(usage.ru_stime.tv_usec) / 1_000
        let share = Double(userMs + systemMs) / Double(max(elapsedMs, 1)) * 100
        let tenths = Int((share * 100).rounded())
        return """
            loop: \(ticks) ticks at \(tickMs) ms over \(elapsedMs) ms; \(overruns) overruns
            wake-up lateness (µs): p50 \(lateness.valueAtPercentile(50)), p99 \(lateness.valueAtPercentile(99)), \
            p99.9 \(lateness.valueAtPercentile(99.9)), max \(lateness.max)
            CPU: \(userMs) ms user + \(systemMs) ms system = \(tenths / 100).\(tenths % 100 < 10 ? "0" : "")\(tenths % 100) % of a core; \
            peak RSS \(usage.ru_maxrss / 1_024) MiB (\(usage.ru_maxrss) KiB)
            first tick \(firstTickAfterStartMs.map { "\($0) ms" } ?? "-") after the process started (outputs driven safe before it)
            \(pageFaultLine)
            """
    }

    private var pageFaultLine: String {
        guard let start = pageFaultsAtFirstTick, let end = pageFaultsAtEnd else { return "page faults on the loop thread: -" }
        return "page faults on the loop thread: \(start.minor) minor, \(start.major) major before the first tick; "
            + "\(end.minor - start.minor) minor, \(end.major - start.major) major after it"
    }
}
