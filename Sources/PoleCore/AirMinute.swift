/// One minute of air quality as the pole shows it: the 1-minute means (`nil` when the minute had
/// too few samples) and the grade and indices computed from those same means.
public struct AirMinute: Sendable, Hashable {
    public var pm1: Double?
    public var pm2_5: Double?
    public var pm10: Double?
    public var grade: KoreanAirGrade?
    public var cai: Int?
    public var aqi: Int?

    public init(pm1: Double?, pm2_5: Double?, pm10: Double?) {
        self.pm1 = pm1
        self.pm2_5 = pm2_5
        self.pm10 = pm10
        grade = KoreanAirGrade(pm2_5: pm2_5, pm10: pm10)
        cai = KoreanCAI.index(pm2_5: pm2_5, pm10: pm10)
        aqi = USAQI.index(pm2_5: pm2_5, pm10: pm10)
    }
}
