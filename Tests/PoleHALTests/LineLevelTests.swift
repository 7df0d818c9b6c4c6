import PoleHAL
import Testing

@Suite struct LineLevelTests {
    @Test func assertedIsHigh() {
        #expect(LineLevel(asserted: true) == .high)
        #expect(LineLevel(asserted: false) == .low)
    }

    @Test func isHighReportsTheLevel() {
        #expect(LineLevel.high.isHigh)
        #expect(!LineLevel.low.isHigh)
    }

    @Test(arguments: [true, false])
    func roundTripsThroughIsHigh(asserted: Bool) {
        #expect(LineLevel(asserted: asserted).isHigh == asserted)
    }
}
