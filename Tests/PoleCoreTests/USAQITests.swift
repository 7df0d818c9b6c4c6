import PoleCore
import Testing

@Suite struct USAQITests {
    /// 2024 breakpoints below, at and above; PM2.5 truncates to 0.1 µg/m³ first (9.09 is 9.0).
    @Test(arguments: [
        (0.0, 0), (-1, 0), (4.5, 25), (9.0, 50), (9.09, 50),
        (9.1, 51), (12.0, 56), (35.4, 100), (35.49, 100),
        (35.5, 101), (35.9, 102), (55.4, 150), (55.49, 150),
        (55.5, 151), (100, 182), (125.4, 200), (125.49, 200),
        (125.5, 201), (175, 250), (225.4, 300), (225.49, 300),
        (225.5, 301), (300, 449), (325.4, 500), (325.5, 500), (1_000, 500),
    ] as [(Double, Int)])
    func pm2_5(concentration: Double, index: Int) {
        #expect(USAQI.index(.pm2_5, concentration: concentration) == index)
    }

    /// PM10 truncates to whole µg/m³ first (54.9 is 54).
    @Test(arguments: [
        (0.0, 0), (27, 25), (54, 50), (54.9, 50),
        (55, 51), (100, 73), (154, 100), (154.9, 100),
        (155, 101), (200, 123), (254, 150), (254.9, 150),
        (255, 151), (300, 173), (354, 200), (354.9, 200),
        (355, 201), (400, 266), (424, 300), (424.9, 300),
        (425, 301), (500, 384), (604, 500), (605, 500), (5_000, 500),
    ] as [(Double, Int)])
    func pm10(concentration: Double, index: Int) {
        #expect(USAQI.index(.pm10, concentration: concentration) == index)
    }

    /// A sensor's `Float` 0.7 is 0.699999988… as a `Double`; it must truncate to 0.7 (index 4), not
    /// to 0.6 (index 3).
    @Test func aFloatReadingTruncatesToTheTenthItStandsFor() {
        let reading = Double(Float(0.7))
        #expect(reading < 0.7)
        #expect(USAQI.index(.pm2_5, concentration: reading) == 4)
        #expect(USAQI.index(.pm2_5, concentration: 0.69) == 3)
    }

    @Test func theReportedAQIIsTheHigherPollutant() {
        #expect(USAQI.index(pm2_5: 12.0, pm10: 100) == 73)
        #expect(USAQI.index(pm2_5: 35.9, pm10: 100) == 102)
        #expect(USAQI.index(pm2_5: nil, pm10: 27) == 25)
        #expect(USAQI.index(pm2_5: 4.5, pm10: nil) == 25)
        #expect(USAQI.index(pm2_5: nil, pm10: nil) == nil)
    }
}
