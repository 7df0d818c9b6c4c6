@testable import PoleCore
import Testing

@Suite struct MotionDimmerTests {
    private let settings = LampSettings(idleLevelPercent: 30, fullLevelPercent: 100, motionHoldMs: 120_000, rampUpMs: 0, rampDownMs: 30_000, nightFloorPercent: 10)

    @Test func offByDayIdleAtNightFullOnMotionAtOnce() {
        var dimmer = MotionDimmer(settings: settings)
        #expect(dimmer.update(night: false, nightDecided: true, motion: false, nowMs: 0) == 0)
        #expect(dimmer.update(night: true, nightDecided: true, motion: false, nowMs: 20) == 30)
        #expect(dimmer.update(night: true, nightDecided: true, motion: true, nowMs: 40) == 100, "within one tick of motion")
    }

    @Test func theHoldThenTheRampDownReturnToIdle() {
        var dimmer = MotionDimmer(settings: settings)
        _ = dimmer.update(night: true, nightDecided: true, motion: true, nowMs: 0)
        #expect(dimmer.update(night: true, nightDecided: true, motion: false, nowMs: 119_980) == 100)
        var level = 100
        var now: Int64 = 120_000
        while now <= 120_000 + 30_000 {
            level = dimmer.update(night: true, nightDecided: true, motion: false, nowMs: now)
            if now == 120_000 + 15_000 { #expect(level == 50, "15 s into a ramp of 30 s per 100 points: 100 − 50") }
            now += 20
        }
        #expect(level == 30)
    }

    @Test func undecidedNightIsFullFailLit() {
        var dimmer = MotionDimmer(settings: settings)
        #expect(dimmer.update(night: true, nightDecided: false, motion: false, nowMs: 0) == 100)
    }

    @Test func neverBelowTheNightFloor() {
        var dimmer = MotionDimmer(settings: LampSettings(idleLevelPercent: 0, nightFloorPercent: 10))
        #expect(dimmer.update(night: true, nightDecided: true, motion: false, nowMs: 0) == 10)
    }

    @Test func aSlowRampUpClimbs() {
        var dimmer = MotionDimmer(settings: LampSettings(rampUpMs: 10_000))
        _ = dimmer.update(night: true, nightDecided: true, motion: false, nowMs: 0)
        #expect(dimmer.update(night: true, nightDecided: true, motion: true, nowMs: 5_000) == 80, "30 % + 5 s × 100 %/10 s")
    }
}

@Suite struct LampMonitorTests {
    private func run(_ monitor: inout LampMonitor, on: Bool, current: Bool, from startMs: Int64, forMs durationMs: Int64) -> [Event] {
        var events: [Event] = []
        var now = startMs
        while now < startMs + durationMs {
            monitor.update(commandedOn: on, currentFlows: current, nowMs: now, events: &events)
            now += 100
        }
        return events
    }

    @Test func aLampWithoutCurrentIsOutAfterTheDelayAndClearsWhenItLights() {
        var monitor = LampMonitor(settings: LampSettings(faultDelayMs: 5_000))
        #expect(run(&monitor, on: true, current: false, from: 0, forMs: 5_000).isEmpty)
        #expect(run(&monitor, on: true, current: false, from: 5_000, forMs: 100) == [.faultRaised(.lampOut)])
        #expect(run(&monitor, on: true, current: true, from: 5_100, forMs: 100) == [.faultCleared(.lampOut, by: nil, reason: nil)])
    }

    @Test func currentWhileCommandedOffIsUnexpectedlyOn() {
        var monitor = LampMonitor(settings: LampSettings(faultDelayMs: 5_000))
        #expect(run(&monitor, on: false, current: true, from: 0, forMs: 5_100) == [.faultRaised(.lampUnexpectedOn)])
    }

    @Test func repeatedDropsWhileOnAreCycling() {
        var monitor = LampMonitor(settings: LampSettings(faultDelayMs: 60_000, cyclingCount: 3, cyclingWindowMs: 600_000))
        var events: [Event] = []
        var now: Int64 = 0
        for _ in 0..<3 {
            events += run(&monitor, on: true, current: true, from: now, forMs: 30_000)
            now += 30_000
            events += run(&monitor, on: true, current: false, from: now, forMs: 10_000)
            now += 10_000
        }
        #expect(events == [.faultRaised(.lampCycling)])
    }
}

@Suite struct LampCounterTests {
    @Test func switchOnsAndBurningTimeAreCountedFromTheRestoredValues() {
        var lamp = SecurityLamp(settings: LampSettings(), counters: LampCounters(switchOns: 7, burningMs: 1_000))
        var events: [Event] = []
        func step(_ nowMs: Int64, night: Bool) {
            var outputs = Outputs.safe
            lamp.step(Inputs(monotonicMs: nowMs, utcSeconds: 0), night: night, nightDecided: true, outputs: &outputs, events: &events)
        }
        step(0, night: false)
        step(1_000, night: true)
        step(61_000, night: true)
        step(62_000, night: false)
        step(63_000, night: true)
        #expect(lamp.counters == LampCounters(switchOns: 9, burningMs: 1_000 + 61_000))
    }
}

@Suite struct MinimumOnTimeTests {
    private func level(_ lamp: inout SecurityLamp, night: Bool, untilDay: Int64?, nowMs: Int64) -> Int {
        var outputs = Outputs.safe
        var events: [Event] = []
        lamp.step(Inputs(monotonicMs: nowMs, utcSeconds: 0), night: night, nightDecided: true, secondsUntilDay: untilDay,
                  outputs: &outputs, events: &events)
        return outputs.lampPercent
    }

    @Test func anOnSwitchTheDawnWouldUndoWithinTheMinimumOnTimeIsSuppressed() {
        var lamp = SecurityLamp(settings: LampSettings(minOnTimeMs: 120_000))
        #expect(level(&lamp, night: false, untilDay: nil, nowMs: 0) == 0)
        #expect(level(&lamp, night: true, untilDay: 119, nowMs: 20) == 0, "dawn in 119 s")
        #expect(level(&lamp, night: true, untilDay: 121, nowMs: 40) == 30, "dawn in 121 s")
    }

    @Test func aLampAlreadyOnIsNotSwitchedOffByIt() {
        var lamp = SecurityLamp(settings: LampSettings(minOnTimeMs: 120_000))
        #expect(level(&lamp, night: true, untilDay: nil, nowMs: 0) == 30)
        #expect(level(&lamp, night: true, untilDay: 60, nowMs: 20) == 30)
    }
}
