import PoleCore
import Testing

@Suite struct PoleTests {
    @Test func aPoleWithoutACrosswalkKeepsTheFloorDarkAndHasNoHead() {
        var pole = Pole(settings: PoleSettings(crosswalk: nil))
        var events: [Event] = []
        let outputs = pole.step(Inputs(monotonicMs: 10_000, utcSeconds: 0, headRed: .dark, headGreen: .lit), events: &events)
        #expect(outputs.floor == .dark)
        #expect(pole.head == nil)
        #expect(events == [.night(false)], "only the night decision, taken at the first step")
    }

    @Test func featuresNotYetBuiltStayAtTheirSafeValues() {
        var pole = Pole(settings: PoleSettings(crosswalk: CrosswalkSettings(), presenceZones: ["a", "b"]))
        var events: [Event] = []
        let outputs = pole.step(Inputs(monotonicMs: 0, utcSeconds: 0, presence: [true, false]), events: &events)
        #expect(outputs.lampPercent == 100, "security lamps fail lit")
        #expect(outputs.beacon == .off)
        #expect(outputs.voice == .none)
        #expect(outputs.mist == .off)
        #expect(outputs.air == .off)
    }

    @Test func theSafeStateIsDarkCrosswalkAndFullLamp() {
        #expect(Outputs.safe.floor == .dark)
        #expect(Outputs.safe.spotlightPercent == 0)
        #expect(Outputs.safe.lampPercent == 100)
    }
}
