import PoleSim
import Testing

@Suite struct StreetHeadTests {
    @Test func startsDark() {
        let street = Street(startUTCSeconds: 0)
        #expect(street.head == .dark)
        #expect(!street.headRedLit)
        #expect(!street.headGreenLit)
    }

    @Test(arguments: [
        (HeadAspect.red, true, false), (.green, false, true), (.redAndGreen, true, true), (.dark, false, false),
    ])
    func steadyAspects(aspect: HeadAspect, red: Bool, green: Bool) {
        let street = Street(startUTCSeconds: 0)
        street.apply(.head(aspect))
        #expect(street.headRedLit == red)
        #expect(street.headGreenLit == green)
        street.advance(toMs: 12_345)
        #expect(street.headRedLit == red)
        #expect(street.headGreenLit == green)
    }

    @Test func flashingGreenIsLitForTheFirstHalfOfEachPeriodFromTheStepTime() {
        let street = Street(startUTCSeconds: 0)
        street.advance(toMs: 1_234)
        street.apply(.head(.flashingGreen(periodMs: 1_000)))
        let expected: [(Int64, Bool)] = [
            (1_234, true), (1_500, true), (1_733, true), (1_734, false), (2_000, false), (2_233, false),
            (2_234, true), (2_733, true), (2_734, false), (11_234, true), (11_734, false),
        ]
        for (time, lit) in expected {
            street.advance(toMs: time)
            #expect(street.headGreenLit == lit, "at \(time) ms")
            #expect(!street.headRedLit, "at \(time) ms")
        }
    }

    @Test func flashPeriodIsHonoured() {
        let street = Street(startUTCSeconds: 0)
        street.apply(.head(.flashingGreen(periodMs: 600)))
        let expected: [(Int64, Bool)] = [(0, true), (299, true), (300, false), (599, false), (600, true), (900, false)]
        for (time, lit) in expected {
            street.advance(toMs: time)
            #expect(street.headGreenLit == lit, "at \(time) ms")
        }
    }

    @Test func reapplyingFlashingGreenRestartsThePhase() {
        let street = Street(startUTCSeconds: 0)
        street.apply(.head(.flashingGreen(periodMs: 1_000)))
        street.advance(toMs: 700)
        #expect(!street.headGreenLit)
        street.apply(.head(.flashingGreen(periodMs: 1_000)))
        #expect(street.headGreenLit)
    }

    @Test func leavingFlashingStopsTheGreen() {
        let street = Street(startUTCSeconds: 0)
        street.apply(.head(.flashingGreen(periodMs: 1_000)))
        street.advance(toMs: 100)
        #expect(street.headGreenLit)
        street.apply(.head(.red))
        #expect(!street.headGreenLit)
        #expect(street.headRedLit)
    }
}
