import PoleCore
import Testing

@Suite struct KoreanAirGradeTests {
    /// Every breakpoint just below, at and just above; fractions truncate to whole µg/m³.
    @Test(arguments: [
        (0.0, KoreanAirGrade.good), (-3, .good), (15, .good), (15.4, .good), (15.6, .good), (15.99, .good),
        (16, .moderate), (16.5, .moderate), (35, .moderate), (35.9, .moderate),
        (36, .bad), (75, .bad), (75.9, .bad),
        (76, .veryBad), (500, .veryBad), (10_000, .veryBad),
    ] as [(Double, KoreanAirGrade)])
    func pm2_5Bands(concentration: Double, grade: KoreanAirGrade) {
        #expect(KoreanAirGrade(.pm2_5, concentration: concentration) == grade)
    }

    @Test(arguments: [
        (0.0, KoreanAirGrade.good), (30, .good), (30.9, .good),
        (31, .moderate), (80, .moderate), (80.9, .moderate),
        (81, .bad), (150, .bad), (150.9, .bad),
        (151, .veryBad), (600, .veryBad), (10_000, .veryBad),
    ] as [(Double, KoreanAirGrade)])
    func pm10Bands(concentration: Double, grade: KoreanAirGrade) {
        #expect(KoreanAirGrade(.pm10, concentration: concentration) == grade)
    }

    @Test func theWorseOfTheTwoStands() {
        #expect(KoreanAirGrade(pm2_5: 10, pm10: 100) == .bad)
        #expect(KoreanAirGrade(pm2_5: 80, pm10: 20) == .veryBad)
        #expect(KoreanAirGrade(pm2_5: 20, pm10: 40) == .moderate)
        #expect(KoreanAirGrade(pm2_5: 5, pm10: 5) == .good)
    }

    @Test func aMissingPollutantLeavesTheOther() {
        #expect(KoreanAirGrade(pm2_5: nil, pm10: 100) == .bad)
        #expect(KoreanAirGrade(pm2_5: 40, pm10: nil) == .bad)
        #expect(KoreanAirGrade(pm2_5: nil, pm10: nil) == nil)
    }

    @Test func gradesAreOrderedFromGoodToVeryBad() {
        #expect(KoreanAirGrade.allCases == [.good, .moderate, .bad, .veryBad])
        #expect(KoreanAirGrade.good < .moderate)
        #expect(KoreanAirGrade.bad < .veryBad)
    }

    @Test func namesAndIndicatorLamps() {
        #expect(KoreanAirGrade.allCases.map(\.name) == ["good", "moderate", "bad", "very-bad"])
        #expect(KoreanAirGrade.allCases.map(\.indication) == [.good, .moderate, .bad, .veryBad])
    }

    @Test func theGradeAlwaysAgreesWithTheCAIBand() {
        let bandTops = [50, 100, 250, 500]
        for pollutant in Pollutant.allCases {
            for tenths in 0...7_000 {
                let concentration = Double(tenths) / 10
                let grade = KoreanAirGrade(pollutant, concentration: concentration)
                let cai = KoreanCAI.subIndex(pollutant, concentration: concentration)
                #expect(bandTops.firstIndex { cai <= $0 } == grade.rawValue, "\(pollutant) \(concentration)")
            }
        }
    }
}
