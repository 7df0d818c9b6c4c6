/// A fixed ring of time buckets, each holding the sum and count of the samples that fell in it.
///
/// Exists as `RollingMean`'s building block: the storage is sized once at init and reused, so adding a
/// sample or taking a mean never allocates. A bucket is identified by its epoch (time ÷ bucket width);
/// a slot whose stored epoch is older than the sample's is reset and reused.
///
/// The ring holds one bucket more than the window, so the bucket now filling never overwrites the
/// oldest bucket of the window: a window is always the `windowBuckets` complete buckets before the one
/// holding "now".
struct BucketRing: Sendable {
    /// Width of one bucket.
    let bucketMs: Int64
    /// How many complete buckets a window spans.
    let windowBuckets: Int
    /// Granularity at which a bucket's coverage is counted (equal to `bucketMs`: any sample covers it).
    let subBucketMs: Int64
    /// How many distinct sub-buckets must hold a sample for the bucket to count as covered.
    let subBucketsRequired: Int
    /// How many covered buckets a window needs for its mean to be valid.
    let bucketsRequired: Int

    private static let empty = Int64.min
    private var epochs: [Int64]
    private var sums: [Double]
    private var counts: [Int]
    private var coveredSubBuckets: [Int]
    private var lastSubEpochs: [Int64]

    init(bucketMs: Int64, windowBuckets: Int, subBucketMs: Int64, coverageMin: Double) {
        precondition(bucketMs > 0, "bucket width must be positive")
        precondition(windowBuckets > 0, "a window needs at least one bucket")
        precondition(subBucketMs > 0, "sub-bucket width must be positive")
        precondition(bucketMs % subBucketMs == 0, "sub-buckets must divide a bucket")
        precondition(coverageMin > 0, "coverage must be above zero")
        precondition(coverageMin <= 1, "coverage cannot exceed one")
        self.bucketMs = bucketMs
        self.windowBuckets = windowBuckets
        self.subBucketMs = subBucketMs
        subBucketsRequired = Self.required(coverageMin, of: Int(bucketMs / subBucketMs), anyCovers: bucketMs == subBucketMs)
        bucketsRequired = Self.required(coverageMin, of: windowBuckets, anyCovers: false)
        let slots = windowBuckets + 1
        epochs = Array(repeating: Self.empty, count: slots)
        sums = Array(repeating: 0, count: slots)
        counts = Array(repeating: 0, count: slots)
        coveredSubBuckets = Array(repeating: 0, count: slots)
        lastSubEpochs = Array(repeating: Self.empty, count: slots)
    }

    /// The smallest whole count that is at least `fraction` of `total`; 1 when any sample covers.
    private static func required(_ fraction: Double, of total: Int, anyCovers: Bool) -> Int {
        if anyCovers { return 1 }
        return max(1, Int((fraction * Double(total) - 1e-9).rounded(.up)))
    }

    private static func epoch(_ timeMs: Int64, width: Int64) -> Int64 {
        let quotient = timeMs / width
        return timeMs % width < 0 ? quotient - 1 : quotient
    }

    private func slot(_ epoch: Int64) -> Int {
        let count = Int64(epochs.count)
        return Int((epoch % count + count) % count)
    }

    /// Adds a sample; `false` when its slot already holds a newer bucket (the sample is too old for
    /// this ring).
    mutating func add(_ value: Double, atMs timeMs: Int64) -> Bool {
        let epoch = Self.epoch(timeMs, width: bucketMs)
        let index = slot(epoch)
        if epochs[index] > epoch { return false }
        if epochs[index] < epoch {
            epochs[index] = epoch
            sums[index] = 0
            counts[index] = 0
            coveredSubBuckets[index] = 0
            lastSubEpochs[index] = Self.empty
        }
        sums[index] += value
        counts[index] += 1
        // Samples arrive in time order, so a sub-bucket later than the last one seen is a new one. A
        // late sample in an earlier sub-bucket is not counted: coverage is never overstated.
        let subEpoch = Self.epoch(timeMs, width: subBucketMs)
        if subEpoch > lastSubEpochs[index] {
            lastSubEpochs[index] = subEpoch
            coveredSubBuckets[index] += 1
        }
        return true
    }

    /// The mean of every sample in the `windowBuckets` complete buckets before the one holding `nowMs`;
    /// `nil` unless at least `bucketsRequired` of them are covered.
    func windowMean(nowMs: Int64) -> Double? {
        let current = Self.epoch(nowMs, width: bucketMs)
        let oldest = current - Int64(windowBuckets)
        var sum = 0.0
        var count = 0
        var covered = 0
        for index in epochs.indices where epochs[index] >= oldest && epochs[index] < current {
            sum += sums[index]
            count += counts[index]
            if coveredSubBuckets[index] >= subBucketsRequired { covered += 1 }
        }
        guard covered >= bucketsRequired, count > 0 else { return nil }
        return sum / Double(count)
    }

    /// The mean of the complete bucket `bucketsAgo` buckets before the one holding `nowMs` (0 = the
    /// last complete bucket); `nil` unless that bucket is covered.
    func bucketMean(bucketsAgo: Int, nowMs: Int64) -> Double? {
        precondition(bucketsAgo >= 0, "a bucket cannot be in the future")
        precondition(bucketsAgo < windowBuckets, "the ring holds only \(windowBuckets) complete buckets")
        let epoch = Self.epoch(nowMs, width: bucketMs) - 1 - Int64(bucketsAgo)
        let index = slot(epoch)
        guard epochs[index] == epoch, coveredSubBuckets[index] >= subBucketsRequired, counts[index] > 0 else { return nil }
        return sums[index] / Double(counts[index])
    }
}
