import PoleCore
import Testing

@Suite struct KoreanCAITests {
    /// Each breakpoint below, at and above; plus mid-band values worked by hand from
    /// I = (I_hi − I_lo)/(BP_hi − BP_lo) × (C − BP_lo) + I_lo.
    @Test(arguments: [
        (0.0, 0), (-5, 0), (8, 27), (15, 50), (15.9, 50),
        (16, 51), (25, 74), (35, 100), (35.9, 100),
        (36, 101), (50, 154), (75, 250), (75.9, 250),
        (76, 251), (200, 324), (500, 500), (501, 500), (10_000, 500),
    ] as [(Double, Int)])
    func pm2_5SubIndex(concentration: Double, index: Int) {
        #expect(KoreanCAI.subIndex(.pm2_5, concentration: concentration) == index)
    }

    @Test(arguments: [
        (0.0, 0), (20, 33), (30, 50), (30.9, 50),
        (31, 51), (55, 75), (80, 100), (80.9, 100),
        (81, 101), (100, 142), (150, 250), (150.9, 250),
        (151, 251), (375, 375), (375.8, 375), (600, 500), (601, 500), (10_000, 500),
    ] as [(Double, Int)])
    func pm10SubIndex(concentration: Double, index: Int) {
        #expect(KoreanCAI.subIndex(.pm10, concentration: concentration) == index)
    }

    @Test func thePolesCAIIsTheHigherSubIndex() {
        #expect(KoreanCAI.index(pm2_5: 25, pm10: 100) == 142)
        #expect(KoreanCAI.index(pm2_5: 50, pm10: 100) == 154)
    }

    @Test func aMissingPollutantLeavesTheOther() {
        #expect(KoreanCAI.index(pm2_5: nil, pm10: 55) == 75)
        #expect(KoreanCAI.index(pm2_5: 25, pm10: nil) == 74)
        #expect(KoreanCAI.index(pm2_5: nil, pm10: nil) == nil)
    }

    @Test func theIndexNeverFallsAsConcentrationRises() {
        for pollutant in Pollutant.allCases {
            var previous = 0
            for tenths in 0...7_000 {
                let index = KoreanCAI.subIndex(pollutant, concentration: Double(tenths) / 10)
                #expect(index >= previous, "\(pollutant) \(Double(tenths) / 10)")
                previous = index
            }
        }
    }
}
