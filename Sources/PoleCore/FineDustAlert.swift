/// The pole's fine-dust alert: the higher of the PM2.5 and PM10 alerts, on complete clock hours.
///
/// Exists as the one place that decides when an hour is complete and feeds its means to both
/// pollutants' state machines (see `PollutantAlert` for sustained onset, clearing and missing data).
/// Hours are the `RollingMean` hourly buckets: aligned to multiples of one hour on the monotonic clock.
public struct FineDustAlert: Sendable {
    public private(set) var pm2_5: PollutantAlert
    public private(set) var pm10: PollutantAlert
    /// The last hour (monotonic ms ÷ 1 h) whose means were fed; `nil` before the first update.
    private var lastFedHour: Int64?

    public init(pm2_5: AlertThresholds = .pm2_5, pm10: AlertThresholds = .pm10, missingHoursMax: Int = 3) {
        self.pm2_5 = PollutantAlert(thresholds: pm2_5, missingHoursMax: missingHoursMax)
        self.pm10 = PollutantAlert(thresholds: pm10, missingHoursMax: missingHoursMax)
    }

    /// The level in force: the higher of the two pollutants'.
    public var level: AlertLevel { max(pm2_5.level, pm10.level) }

    /// Steps both machines with one complete hour's means (`nil` for an hour without a valid mean) and
    /// returns the pole's new level when it changed. Call once per complete hour, in order.
    public mutating func update(pm2_5 fine: Double?, pm10 coarse: Double?) -> AlertLevel? {
        let previous = level
        _ = pm2_5.update(hourlyMean: fine)
        _ = pm10.update(hourlyMean: coarse)
        return level == previous ? nil : level
    }

    /// Feeds every hour completed since the last call, read from the rolling means, and returns the
    /// pole's new level when it changed. Call as often as convenient (every tick is fine): an hour is fed
    /// once, at the first call at or after its end. Hours completed before the first call are not fed;
    /// hours the means no longer hold (more than 24 ago) are fed as missing. Use this or the per-hour
    /// `update(pm2_5:pm10:)`, not both.
    public mutating func update(nowMs: Int64, pm2_5 fine: RollingMean, pm10 coarse: RollingMean) -> AlertLevel? {
        let hourMs = RollingMean.hourMs
        let currentHour = nowMs >= 0 ? nowMs / hourMs : (nowMs - hourMs + 1) / hourMs
        let lastComplete = currentHour - 1
        guard let lastFed = lastFedHour else {
            lastFedHour = lastComplete
            return nil
        }
        guard lastComplete > lastFed else { return nil }
        let previous = level
        let oldestHeld = lastComplete - Int64(RollingMean.hoursHeld) + 1
        // Past `missingHoursMax` missing hours the machines no longer change, so a long gap is fed as
        // that many missing hours: the loop stays bounded however long the caller was away.
        let unheld = min(max(0, oldestHeld - (lastFed + 1)), Int64(pm2_5.missingHoursMax))
        for _ in 0..<unheld {
            _ = update(pm2_5: nil, pm10: nil)
        }
        for hour in max(lastFed + 1, oldestHeld)...lastComplete {
            let hoursAgo = Int(lastComplete - hour)
            _ = update(
                pm2_5: fine.hourlyMean(hoursAgo: hoursAgo, nowMs: nowMs),
                pm10: coarse.hourlyMean(hoursAgo: hoursAgo, nowMs: nowMs)
            )
        }
        lastFedHour = lastComplete
        return level == previous ? nil : level
    }
}
