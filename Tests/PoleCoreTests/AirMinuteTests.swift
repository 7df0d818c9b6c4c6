import PoleCore
import Testing

/// A minute of air shows the values its indices are computed from: PM2.5 (and PM1) truncated to
/// 0.1 µg/m³, PM10 to 1 µg/m³, as the US AQI prescribes; the Korean grade and CAI truncate those to
/// whole µg/m³, which changes nothing on an already truncated value.
@Suite struct AirMinuteTests {
    /// The case that was wrong: PM2.5 9.05 was shown rounded as 9.1 beside AQI 50, which is 9.0's.
    @Test func theShownValuesAreTheTruncatedOnes() {
        let minute = AirMinute(pm1: 7.26, pm2_5: 9.05, pm10: 54.96)
        #expect(minute.pm1 == 7.2)
        #expect(minute.pm2_5 == 9.0)
        #expect(minute.pm10 == 54)
        #expect(minute.aqi == 50)
        #expect(minute.cai == 74)
        #expect(minute.grade == .moderate)
    }

    @Test func missingMeansStayMissing() {
        let minute = AirMinute(pm1: nil, pm2_5: nil, pm10: 31.9)
        #expect(minute.pm1 == nil && minute.pm2_5 == nil)
        #expect(minute.pm10 == 31)
        #expect(minute.grade == .moderate)
    }

    /// Binary floating point: a sensor's Float 35.3 is 35.299999237…, which stands for 35.3.
    @Test func aFloatJustBelowATenthIsThatTenth() {
        let minute = AirMinute(pm1: nil, pm2_5: Double(Float(35.3)), pm10: Double(Float(155)))
        #expect(minute.pm2_5 == 35.3)
        #expect(minute.pm10 == 155)
        #expect(minute.aqi == 101)
    }

    /// Whatever the mean, a reader who recomputes the grade, the CAI and the AQI from the shown values
    /// by the published rules gets what the pole shows — including just below a breakpoint, where a
    /// value between 15.999 and 16 shows 15.9 and so stays good.
    @Test func aReaderRecomputingFromTheShownValuesGetsTheSameIndices() throws {
        var means = stride(from: 0.0, through: 700, by: 0.0137).map { $0 }
        means += [9.05, 9.0999, 15.9995, 16, 35.45, 35.4999, 35.5, 54.96, 75.9999, 150.9999, 325.45]
        var mismatches: [String] = []
        for mean in means {
            let minute = AirMinute(pm1: mean, pm2_5: mean, pm10: mean)
            let fine = try #require(minute.pm2_5)
            let coarse = try #require(minute.pm10)
            let shownAsTruncated = fine == (mean * 10 + 0.001).rounded(.down) / 10 && coarse == (mean + 0.001).rounded(.down)
            let recomputed = USAQI.index(pm2_5: fine, pm10: coarse) == minute.aqi && KoreanCAI.index(pm2_5: fine, pm10: coarse) == minute.cai
                && KoreanAirGrade(pm2_5: fine, pm10: coarse) == minute.grade
            let koreanExact = KoreanAirGrade(.pm2_5, concentration: fine) == KoreanAirGrade(.pm2_5, concentration: fine.rounded(.down))
            if !(shownAsTruncated && recomputed && koreanExact) { mismatches.append("\(mean) shows \(fine) and \(coarse)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) means, first \(mismatches.prefix(5))")
    }
}
