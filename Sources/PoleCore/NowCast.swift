/// EPA's NowCast: a recent-hours-weighted particulate concentration for the hourly AQI.
///
/// Exists because a 24-hour mean reacts too slowly to a smoke plume or a dust event: NowCast weighs
/// recent hours more when the air is changing and approaches the plain mean when it is steady.
///
/// Over the last 12 hourly means cᵢ (i hours ago, 0 = the last complete hour): the weight
/// w = 1 − (max − min)/max over the hours present, floored at 0.5; NowCast = Σ wⁱcᵢ / Σ wⁱ over the
/// hours present. Valid only when at least 2 of the 3 most recent hours are present. The result is not
/// truncated; `AirNowCast` truncates it as the AQI does and turns it into the hourly AQI.
public enum NowCast {
    /// How many hours NowCast looks back.
    public static let hours = 12
    /// The lowest weight factor EPA allows for particulates.
    public static let weightFloor = 0.5

    /// The NowCast of the hourly means `hourlyMean(hoursAgo)` returns for 0…11 hours ago, in µg/m³;
    /// `nil` from it marks an hour without a valid mean. Returns `nil` when fewer than 2 of the 3 most
    /// recent hours are present.
    ///
    /// A closure rather than a collection, so a caller reads straight from its store, for example
    /// `NowCast.concentration { means.hourlyMean(hoursAgo: $0, nowMs: now) }`, and nothing allocates.
    public static func concentration(hourlyMean: (_ hoursAgo: Int) -> Double?) -> Double? {
        var recentPresent = 0
        var low = Double.infinity
        var high = -Double.infinity
        for hoursAgo in 0..<hours {
            guard let mean = hourlyMean(hoursAgo) else { continue }
            precondition(!mean.isNaN, "hourly mean \(hoursAgo) hours ago is NaN")
            if hoursAgo < 3 { recentPresent += 1 }
            low = min(low, mean)
            high = max(high, mean)
        }
        guard recentPresent >= 2 else { return nil }
        let weight = high > 0 ? max(weightFloor, 1 - (high - low) / high) : 1
        var weightedSum = 0.0
        var weightSum = 0.0
        var factor = 1.0
        for hoursAgo in 0..<hours {
            if let mean = hourlyMean(hoursAgo) {
                weightedSum += factor * mean
                weightSum += factor
            }
            factor *= weight
        }
        return weightedSum / weightSum
    }
}
