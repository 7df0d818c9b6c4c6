import PoleCore
import Testing

@Suite struct PoleTests {
    @Test func aPoleWithoutACrosswalkKeepsTheFloorDarkAndHasNoHead() {
        var pole = Pole(settings: PoleSettings(crosswalk: nil))
        var events: [Event] = []
        let noonInSeoul: Int64 = 1_782_010_800
        let outputs = pole.step(Inputs(monotonicMs: 10_000, utcSeconds: noonInSeoul, headRed: .dark, headGreen: .lit), events: &events)
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

/// Steps `pole` every 20 ms with the head lamps held; returns the floor at the end.
private func run(_ pole: inout Pole, from startMs: Int64, forMs durationMs: Int64, red: Lamp, green: Lamp) -> FloorIndication {
    var events: [Event] = []
    var floor = FloorIndication.dark
    var now = startMs
    while now < startMs + durationMs {
        events.removeAll(keepingCapacity: true)
        floor = pole.step(Inputs(monotonicMs: now, utcSeconds: 1_782_010_800, headRed: red, headGreen: green), events: &events).floor
        now += 20
    }
    return floor
}

@Suite struct PoleReconfigurationTests {
    @Test func aReloadKeepsTheFloorRunningWithoutANewHold() {
        var pole = Pole(settings: PoleSettings(crosswalk: CrosswalkSettings()))
        #expect(run(&pole, from: 0, forMs: 7_000, red: .lit, green: .dark) == .red)
        pole = pole.reconfigured(with: PoleSettings(crosswalk: CrosswalkSettings(debounceMs: 20, nightLevelPercent: 30)))
        #expect(run(&pole, from: 7_000, forMs: 100, red: .lit, green: .dark) == .red, "no start-up hold after a reload")
    }

    @Test func aReloadKeepsLatchedFaults() {
        var pole = Pole(settings: PoleSettings(crosswalk: CrosswalkSettings()), latchedFaults: [.conflict])
        pole = pole.reconfigured(with: PoleSettings(crosswalk: CrosswalkSettings(debounceMs: 20)))
        #expect(pole.latchedFaults == [.conflict])
        #expect(run(&pole, from: 0, forMs: 20_000, red: .lit, green: .dark) == .dark)
    }

    @Test func aReloadDuringTheHoldKeepsHolding() {
        var pole = Pole(settings: PoleSettings(crosswalk: CrosswalkSettings()))
        _ = run(&pole, from: 0, forMs: 1_000, red: .lit, green: .dark)
        pole = pole.reconfigured(with: PoleSettings(crosswalk: CrosswalkSettings()))
        #expect(run(&pole, from: 1_000, forMs: 1_000, red: .lit, green: .dark) == .dark)
    }
}

@Suite struct ReloadKeepsStateTests {
    @Test func aReloadWhileTheHeadIsImplausibleStillHoldsAfterItReturns() {
        var pole = Pole(settings: PoleSettings(crosswalk: CrosswalkSettings()))
        #expect(run(&pole, from: 0, forMs: 7_000, red: .lit, green: .dark) == .red)
        #expect(run(&pole, from: 7_000, forMs: 1_000, red: .lit, green: .lit) == .dark)
        pole = pole.reconfigured(with: PoleSettings(crosswalk: CrosswalkSettings(debounceMs: 20)))
        #expect(run(&pole, from: 8_000, forMs: 1_000, red: .lit, green: .dark) == .dark, "the hold after an implausible head survives the reload")
        #expect(run(&pole, from: 9_000, forMs: 6_000, red: .lit, green: .dark) == .red)
    }
}
