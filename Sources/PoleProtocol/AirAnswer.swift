public import PoleJSON

/// `air`, and `status.air`: the last minute of air as the pole shows it to passers-by.
public struct AirAnswer: ControlAnswer {
    /// 1-minute means in µg/m³ (truncated as the indices use them); nil when the minute had too few
    /// samples.
    public var pm1: Double?
    public var pm2_5: Double?
    public var pm10: Double?
    /// The Korean grade (good, moderate, bad, very-bad), CAI and US AQI of those means.
    public var grade: String?
    public var cai: Int64?
    public var aqi: Int64?
    /// The fine-dust alert from the hourly means: none, advisory or warning.
    public var alert: String
    /// The grade indicator lamp and the mist actuator as driven now.
    public var indicator: String
    public var mist: String

    public init(
        pm1: Double?, pm2_5: Double?, pm10: Double?, grade: String?, cai: Int64?, aqi: Int64?, alert: String, indicator: String, mist: String
    ) {
        self.pm1 = pm1
        self.pm2_5 = pm2_5
        self.pm10 = pm10
        self.grade = grade
        self.cai = cai
        self.aqi = aqi
        self.alert = alert
        self.indicator = indicator
        self.mist = mist
    }

    public var json: JSONValue {
        .object([
            "pm1": pm1.map(JSONValue.number) ?? .null, "pm2_5": pm2_5.map(JSONValue.number) ?? .null,
            "pm10": pm10.map(JSONValue.number) ?? .null, "grade": grade.map(JSONValue.string) ?? .null,
            "cai": cai.map { .integer($0) } ?? .null, "aqi": aqi.map { .integer($0) } ?? .null,
            "alert": .string(alert), "indicator": .string(indicator), "mist": .string(mist),
        ])
    }

    public init(json: JSONValue) throws(AnswerError) {
        let reader = try AnswerReader(json)
        self.init(
            pm1: try reader.optionalNumber("pm1"), pm2_5: try reader.optionalNumber("pm2_5"), pm10: try reader.optionalNumber("pm10"),
            grade: try reader.optionalString("grade"), cai: try reader.optionalInteger("cai"), aqi: try reader.optionalInteger("aqi"),
            alert: try reader.string("alert"), indicator: try reader.string("indicator"), mist: try reader.string("mist")
        )
    }
}
