/// One minute of air quality as the pole shows it: the 1-minute means truncated to the resolution the
/// indices use (`nil` when the minute had too few samples), and the grade and indices computed from
/// those shown values.
///
/// Exists so every record of a minute — trace, store, uplink, `polectl air` — carries values a reader
/// can recompute the indices from and get the same. One rule: a mean is truncated once, as the US AQI
/// prescribes (PM2.5 to 0.1 µg/m³, PM10 to 1 µg/m³; PM1, which no index uses, to 0.1 like PM2.5), and
/// the grade, the CAI and the AQI are all computed from the truncated values. The Korean grade and CAI
/// truncate further, to whole µg/m³, which on a value already truncated is exact: a mean of 15.9995
/// shows 15.9 and is good, as 15.9 is.
public struct AirMinute: Sendable, Hashable {
    public var pm1: Double?
    public var pm2_5: Double?
    public var pm10: Double?
    public var grade: KoreanAirGrade?
    public var cai: Int?
    public var aqi: Int?
    /// The hourly NowCast when the minute closed (`nil` until 2 of the last 3 hours are complete).
    public var nowCast: AirNowCast?

    /// A minute from its raw 1-minute means in µg/m³ (finite), which are truncated here, and the
    /// NowCast in force.
    public init(pm1: Double?, pm2_5: Double?, pm10: Double?, nowCast: AirNowCast? = nil) {
        self.nowCast = nowCast
        self.pm1 = pm1.map(USAQI.pm2_5Scale.truncated)
        self.pm2_5 = pm2_5.map(USAQI.pm2_5Scale.truncated)
        self.pm10 = pm10.map(USAQI.pm10Scale.truncated)
        grade = KoreanAirGrade(pm2_5: self.pm2_5, pm10: self.pm10)
        cai = KoreanCAI.index(pm2_5: self.pm2_5, pm10: self.pm10)
        aqi = USAQI.index(pm2_5: self.pm2_5, pm10: self.pm10)
    }
}
