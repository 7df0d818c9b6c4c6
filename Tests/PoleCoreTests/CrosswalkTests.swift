import PoleCore
import Testing

/// A pole with a crosswalk, stepped every 20 ms.
private struct CrosswalkDriver {
    var pole: Pole
    var nowMs: Int64 = 0
    var events: [Event] = []
    var allEvents: [(Int64, Event)] = []
    var floors: [(Int64, FloorIndication)] = []

    init(settings: CrosswalkSettings = CrosswalkSettings()) {
        pole = Pole(settings: PoleSettings(crosswalk: settings))
    }

    mutating func hold(red: Lamp, green: Lamp, forMs durationMs: Int64) -> FloorIndication {
        var floor = FloorIndication.dark
        let end = nowMs + durationMs
        while nowMs < end {
            events.removeAll(keepingCapacity: true)
            let outputs = pole.step(Inputs(monotonicMs: nowMs, utcSeconds: 0, headRed: red, headGreen: green), events: &events)
            floor = outputs.floor
            allEvents += events.map { (nowMs, $0) }
            floors.append((nowMs, floor))
            nowMs += 20
        }
        return floor
    }
}

@Suite struct CrosswalkTests {
    @Test func floorStaysDarkThroughTheStartUpHold() {
        var crosswalk = CrosswalkDriver()
        #expect(crosswalk.hold(red: .lit, green: .dark, forMs: 5_980) == .dark)
        #expect(crosswalk.floors.allSatisfy { $0.1 == .dark })
        #expect(crosswalk.hold(red: .lit, green: .dark, forMs: 40) == .red)
    }

    @Test func aHeadDarkSinceStartUpHoldsTheFloorDarkUntilAFullHoldAfterItLights() {
        var crosswalk = CrosswalkDriver()
        #expect(crosswalk.hold(red: .dark, green: .dark, forMs: 10_000) == .dark)
        #expect(crosswalk.pole.latchedFaults.isEmpty, "an implausible head is not latched")
        #expect(crosswalk.hold(red: .lit, green: .dark, forMs: 6_000) == .dark, "the hold restarts when the head is valid again")
        #expect(crosswalk.hold(red: .lit, green: .dark, forMs: 100) == .red)
    }

    @Test func floorFollowsTheHeadWithinDebouncePlusTwoTicks() throws {
        var crosswalk = CrosswalkDriver()
        _ = crosswalk.hold(red: .lit, green: .dark, forMs: 7_000)
        let changeMs = crosswalk.nowMs
        _ = crosswalk.hold(red: .dark, green: .lit, forMs: 1_000)
        let firstGreenMs = try #require(crosswalk.floors.first { $0.1 == .green }?.0)
        #expect(firstGreenMs - changeMs <= 100)
        #expect(firstGreenMs - changeMs >= 40, "a change is believed only after the debounce")
    }

    @Test func floorFlashesInPhaseWithTheHead() {
        var crosswalk = CrosswalkDriver()
        _ = crosswalk.hold(red: .dark, green: .lit, forMs: 8_000)
        var phases: [FloorIndication] = []
        for _ in 0..<4 {
            phases.append(crosswalk.hold(red: .dark, green: .lit, forMs: 500))
            phases.append(crosswalk.hold(red: .dark, green: .dark, forMs: 500))
        }
        #expect(phases == [.green, .dark, .green, .dark, .green, .dark, .green, .dark])
        #expect(crosswalk.pole.head == .flashingGreen)
    }

    @Test func floorGoesDarkWhenTheHeadIsImplausible() {
        var crosswalk = CrosswalkDriver()
        _ = crosswalk.hold(red: .dark, green: .lit, forMs: 8_000)
        #expect(crosswalk.hold(red: .lit, green: .lit, forMs: 100) == .dark)
        #expect(crosswalk.pole.head == .implausible)
    }

    @Test func headEventsAreRaisedOncePerChange() {
        var crosswalk = CrosswalkDriver()
        _ = crosswalk.hold(red: .lit, green: .dark, forMs: 3_000)
        _ = crosswalk.hold(red: .dark, green: .lit, forMs: 3_000)
        _ = crosswalk.hold(red: .lit, green: .dark, forMs: 3_000)
        let heads = crosswalk.allEvents.map(\.1).filter { if case .head = $0 { true } else { false } }
        #expect(heads == [.head(.red), .head(.green), .head(.red)])
    }

    /// docs/safety.md, invariants 1 and 2, over random head behaviour: the floor shows green only when the
    /// head's green lamp was lit within the last tick + debounce, and is one value, never red and green.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func floorGreenOnlyWhileTheHeadWasGreenRecently(seed: UInt64) {
        var random = SplitMix(state: seed)
        var pole = Pole(settings: PoleSettings(crosswalk: CrosswalkSettings()))
        var events: [Event] = []
        var lastGreenLitMs: Int64?
        var red = Lamp.dark
        var green = Lamp.dark
        for tick in 0..<50_000 {
            let nowMs = Int64(tick) * 20
            if random.next() % 10 == 0 { red = random.next() % 2 == 0 ? .lit : .dark }
            if random.next() % 10 == 0 { green = random.next() % 2 == 0 ? .lit : .dark }
            if green == .lit { lastGreenLitMs = nowMs }
            events.removeAll(keepingCapacity: true)
            let floor = pole.step(Inputs(monotonicMs: nowMs, utcSeconds: 0, headRed: red, headGreen: green), events: &events).floor
            if floor == .green {
                #expect(lastGreenLitMs.map { nowMs - $0 <= 20 + 40 } == true, "floor green at \(nowMs) ms")
            }
        }
    }

    @Test func sameInputsGiveSameOutputs() {
        func run() -> [FloorIndication] {
            var crosswalk = CrosswalkDriver()
            _ = crosswalk.hold(red: .lit, green: .dark, forMs: 7_000)
            _ = crosswalk.hold(red: .dark, green: .lit, forMs: 3_000)
            for _ in 0..<5 {
                _ = crosswalk.hold(red: .dark, green: .lit, forMs: 400)
                _ = crosswalk.hold(red: .dark, green: .dark, forMs: 600)
            }
            return crosswalk.floors.map(\.1)
        }
        #expect(run() == run())
    }
}

/// A local generator so the core's tests need nothing outside PoleCore.
private struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
