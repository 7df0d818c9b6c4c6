/// The hourly NowCast of both particulates and the US AQI from it: what EPA reports as the current
/// hourly AQI, carried on the uplink's air messages beside the minute's values.
///
/// Exists because the minute on the indicator follows every gust and the 24-hour mean the AQI
/// breakpoints are defined for follows a day late; `NowCast` weighs the last 12 complete hourly means
/// (the ones the fine-dust alert uses) by how fast the air changes. It moves only when an hour
/// completes. Concentrations are truncated as the AQI uses them (PM2.5 to 0.1 µg/m³, PM10 to
/// 1 µg/m³), like `AirMinute`'s, and the AQI is computed from the truncated values.
public struct AirNowCast: Sendable, Hashable {
    public var pm2_5: Double?
    public var pm10: Double?
    public var aqi: Int?

    /// The NowCast from NowCast concentrations in µg/m³ (finite), which are truncated here.
    public init(pm2_5: Double?, pm10: Double?) {
        self.pm2_5 = pm2_5.map(USAQI.pm2_5Scale.truncated)
        self.pm10 = pm10.map(USAQI.pm10Scale.truncated)
        aqi = USAQI.index(pm2_5: self.pm2_5, pm10: self.pm10)
    }

    /// The NowCast of the complete hourly means before `nowMs`; `nil` when neither pollutant has one
    /// (fewer than 2 of the last 3 hours valid). Reads the means in place: nothing allocates.
    public init?(pm2_5 fine: RollingMean, pm10 coarse: RollingMean, nowMs: Int64) {
        let fineNowCast = NowCast.concentration { fine.hourlyMean(hoursAgo: $0, nowMs: nowMs) }
        let coarseNowCast = NowCast.concentration { coarse.hourlyMean(hoursAgo: $0, nowMs: nowMs) }
        guard fineNowCast != nil || coarseNowCast != nil else { return nil }
        self.init(pm2_5: fineNowCast, pm10: coarseNowCast)
    }
}
