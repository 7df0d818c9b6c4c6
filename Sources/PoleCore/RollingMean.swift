/// Windowed means of one particulate reading over the last minute, hour and day, with coverage rules.
///
/// Exists because the pole shows the last minute's air, alerts on hourly means and reports daily ones,
/// and a mean over too little data must not pass for a measurement: a window without enough coverage
/// gives `nil`, never a wrong value. Storage is fixed at init (three rings of buckets), so adding and
/// reading never allocate; it reads no clock, every time is a monotonic ms value from the caller.
///
/// - Minute: 60 one-second buckets; valid when at least `coverageMin` of the 60 seconds hold a sample
///   (the sensor is expected to deliver about one sample a second, as the SPS30 does).
/// - Hour: 60 one-minute buckets; valid when at least `coverageMin` of the 60 minutes hold a sample.
/// - Day: 24 one-hour buckets; valid when at least `coverageMin` of the 24 hours are valid hours (an
///   hour is valid when `coverageMin` of its minutes hold a sample, the same rule as the hour window).
///
/// A window is the complete buckets before the one holding `nowMs`, aligned to multiples of the bucket
/// width on the monotonic clock: at `nowMs` = 3 600 000 the hour window is [0, 3 600 000). So a sample
/// is used only while it is at most one window span old (plus the part of the current bucket that has
/// passed), and joins a window when its bucket completes: at most 1 s late for the minute, 1 min for
/// the hour, 1 h for the day. Means weigh every sample equally. Ask at the current time: once newer
/// samples have reused a bucket, a query for an earlier time no longer sees it (and says `nil` when
/// too little is left).
public struct RollingMean: Sendable {
    /// A window to average over.
    public enum Window: Sendable, Hashable, CaseIterable {
        case minute
        case hour
        case day
    }

    /// What became of a sample.
    public enum Admission: Sendable, Hashable {
        /// Stored in at least one window.
        case accepted
        /// NaN or infinite: dropped, so one bad float cannot poison every mean that follows.
        case notFinite
        /// Older than every window still holds.
        case tooOld
    }

    /// The fraction of a window's buckets that must be covered for its mean to be valid (0 < f ≤ 1).
    public let coverageMin: Double
    private var seconds: BucketRing
    private var minutes: BucketRing
    private var hours: BucketRing

    /// Milliseconds in one hourly bucket.
    static let hourMs: Int64 = 3_600_000
    /// How many complete hourly buckets are held.
    static let hoursHeld = 24

    public init(coverageMin: Double = 0.75) {
        precondition(coverageMin > 0, "coverage must be above zero")
        precondition(coverageMin <= 1, "coverage cannot exceed one")
        self.coverageMin = coverageMin
        seconds = BucketRing(bucketMs: 1_000, windowBuckets: 60, subBucketMs: 1_000, coverageMin: coverageMin)
        minutes = BucketRing(bucketMs: 60_000, windowBuckets: 60, subBucketMs: 60_000, coverageMin: coverageMin)
        hours = BucketRing(bucketMs: Self.hourMs, windowBuckets: Self.hoursHeld, subBucketMs: 60_000, coverageMin: coverageMin)
    }

    /// Adds a sample taken at `atMs`. Samples should come in time order; a late one still counts in
    /// each window whose bucket for it has not been reused.
    @discardableResult
    public mutating func add(_ value: Double, atMs timeMs: Int64) -> Admission {
        guard value.isFinite else { return .notFinite }
        let second = seconds.add(value, atMs: timeMs)
        let minute = minutes.add(value, atMs: timeMs)
        let hour = hours.add(value, atMs: timeMs)
        return second || minute || hour ? .accepted : .tooOld
    }

    /// The mean over `window` at `nowMs`; `nil` when the window's coverage is too low.
    public func mean(_ window: Window, nowMs: Int64) -> Double? {
        switch window {
        case .minute: seconds.windowMean(nowMs: nowMs)
        case .hour: minutes.windowMean(nowMs: nowMs)
        case .day: hours.windowMean(nowMs: nowMs)
        }
    }

    /// The mean of one complete hourly bucket, `hoursAgo` hours before the bucket holding `nowMs`
    /// (0 = the last complete hour, up to 23); `nil` unless that hour is valid. These are the hourly
    /// means the fine-dust alert and NowCast work on.
    public func hourlyMean(hoursAgo: Int, nowMs: Int64) -> Double? {
        hours.bucketMean(bucketsAgo: hoursAgo, nowMs: nowMs)
    }
}
