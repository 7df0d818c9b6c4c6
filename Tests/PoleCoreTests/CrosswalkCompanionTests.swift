@testable import PoleCore
import Testing

@Suite struct DriverBeaconTests {
    private let settings = CrosswalkSettings(beaconHoldMs: 3_000, beaconFlashPeriodMs: 1_000)

    @Test func someoneWaitingDuringRedRaisesNoWarning() {
        var beacon = DriverBeacon(settings: settings)
        #expect(beacon.update(signal: .red, waiting: true, onCrossing: false, nowMs: 0).warning == .off)
    }

    @Test func someoneWaitingDuringGreenOrFlashingRaisesTheWarning() {
        var beacon = DriverBeacon(settings: settings)
        #expect(beacon.update(signal: .green, waiting: true, onCrossing: false, nowMs: 0).warning == .on)
        var flashing = DriverBeacon(settings: settings)
        #expect(flashing.update(signal: .flashingGreen, waiting: true, onCrossing: false, nowMs: 0).warning == .on)
    }

    @Test func anyoneOnTheCrossingRaisesItInAnyPhase() {
        var beacon = DriverBeacon(settings: settings)
        #expect(beacon.update(signal: .red, waiting: false, onCrossing: true, nowMs: 0).warning == .on)
    }

    @Test func theWarningHoldsForTheHoldTimeAfterPresenceEnds() {
        var beacon = DriverBeacon(settings: settings)
        _ = beacon.update(signal: .red, waiting: false, onCrossing: true, nowMs: 1_000)
        #expect(beacon.update(signal: .red, waiting: false, onCrossing: false, nowMs: 3_999).warning == .on)
        #expect(beacon.update(signal: .red, waiting: false, onCrossing: false, nowMs: 4_000).warning == .off)
    }

    @Test func theLampFlashesWithThePeriodWhileTheWarningIsOn() {
        var beacon = DriverBeacon(settings: settings)
        let lamps = stride(from: Int64(0), to: 2_000, by: 250).map {
            beacon.update(signal: .red, waiting: false, onCrossing: true, nowMs: $0).lamp
        }
        #expect(lamps == [.on, .on, .off, .off, .on, .on, .off, .off])
    }

    @Test func aZeroPeriodIsASteadyLamp() {
        var beacon = DriverBeacon(settings: CrosswalkSettings(beaconFlashPeriodMs: 0))
        let lamps = stride(from: Int64(0), to: 2_000, by: 250).map {
            beacon.update(signal: .red, waiting: false, onCrossing: true, nowMs: $0).lamp
        }
        #expect(lamps.allSatisfy { $0 == .on })
    }
}

@Suite struct VoiceGuidanceTests {
    private func voice(rateLimitMs: Int64 = 10_000, quiet: DailyWindow? = nil) -> VoiceGuidance {
        VoiceGuidance(settings: CrosswalkSettings(voiceRateLimitMs: rateLimitMs, voicePulseMs: 300, voiceQuietMinutes: quiet), waitingZones: 2)
    }

    @Test func theMessageFollowsThePhase() {
        #expect(VoiceGuidance.message(signal: .red, floor: .red) == .redWait)
        #expect(VoiceGuidance.message(signal: .green, floor: .green) == .greenCross)
        #expect(VoiceGuidance.message(signal: .flashingGreen, floor: .dark) == .flashWait)
        #expect(VoiceGuidance.message(signal: .flashingGreen, floor: .green) == .flashWait, "never cross while flashing")
    }

    @Test func neverCrossUnlessTheFloorIsGreen() {
        #expect(VoiceGuidance.message(signal: .green, floor: .dark) == nil)
        #expect(VoiceGuidance.message(signal: .dark, floor: .dark) == nil)
        #expect(VoiceGuidance.message(signal: .implausible, floor: .dark) == nil)
    }

    @Test func anArrivalPulsesTheTriggerForThePulseTime() {
        var guidance = voice()
        #expect(guidance.update(signal: .red, floor: .red, waiting: [false, false], localMinuteOfDay: nil, nowMs: 0) == .none)
        #expect(guidance.update(signal: .red, floor: .red, waiting: [true, false], localMinuteOfDay: nil, nowMs: 20) == .redWait)
        #expect(guidance.update(signal: .red, floor: .red, waiting: [true, false], localMinuteOfDay: nil, nowMs: 319) == .redWait)
        #expect(guidance.update(signal: .red, floor: .red, waiting: [true, false], localMinuteOfDay: nil, nowMs: 320) == .none)
    }

    @Test func eachZoneIsRateLimited() {
        var guidance = voice()
        _ = guidance.update(signal: .red, floor: .red, waiting: [true, false], localMinuteOfDay: nil, nowMs: 0)
        _ = guidance.update(signal: .red, floor: .red, waiting: [false, false], localMinuteOfDay: nil, nowMs: 1_000)
        #expect(guidance.update(signal: .red, floor: .red, waiting: [true, false], localMinuteOfDay: nil, nowMs: 9_999) == .none)
        _ = guidance.update(signal: .red, floor: .red, waiting: [false, false], localMinuteOfDay: nil, nowMs: 10_000)
        #expect(guidance.update(signal: .red, floor: .red, waiting: [false, true], localMinuteOfDay: nil, nowMs: 10_020) == .redWait, "another zone is not limited")
        _ = guidance.update(signal: .red, floor: .red, waiting: [false, false], localMinuteOfDay: nil, nowMs: 11_000)
        #expect(guidance.update(signal: .red, floor: .red, waiting: [true, false], localMinuteOfDay: nil, nowMs: 12_000) == .redWait)
    }

    @Test func quietHoursSilenceEveryMessage() {
        var guidance = voice(quiet: DailyWindow(startMinute: 22 * 60, endMinute: 7 * 60))
        #expect(guidance.update(signal: .red, floor: .red, waiting: [true, false], localMinuteOfDay: 23 * 60, nowMs: 0) == .none)
        _ = guidance.update(signal: .red, floor: .red, waiting: [false, false], localMinuteOfDay: 7 * 60, nowMs: 20)
        #expect(guidance.update(signal: .red, floor: .red, waiting: [true, false], localMinuteOfDay: 7 * 60, nowMs: 40) == .redWait)
    }

    @Test func quietHoursWrapMidnight() {
        let hours = DailyWindow(startMinute: 22 * 60, endMinute: 7 * 60)
        #expect(hours.contains(22 * 60))
        #expect(hours.contains(0))
        #expect(hours.contains(7 * 60 - 1))
        #expect(!hours.contains(7 * 60))
        #expect(!hours.contains(22 * 60 - 1))
        let day = DailyWindow(startMinute: 12 * 60, endMinute: 13 * 60)
        #expect(day.contains(12 * 60))
        #expect(!day.contains(13 * 60))
    }
}

@Suite struct CrosswalkSpotlightTests {
    @Test func offByDayBaseAtNightBoostedWithPresenceForTheHold() {
        var spotlight = CrosswalkSpotlight(settings: CrosswalkSettings(spotlightNightBasePercent: 50, spotlightBoostPercent: 100, spotlightBoostHoldMs: 30_000))
        #expect(spotlight.update(night: false, anyonePresent: true, nowMs: 0) == 0)
        #expect(spotlight.update(night: true, anyonePresent: false, nowMs: 60_000) == 50)
        #expect(spotlight.update(night: true, anyonePresent: true, nowMs: 70_000) == 100)
        #expect(spotlight.update(night: true, anyonePresent: false, nowMs: 99_999) == 100)
        #expect(spotlight.update(night: true, anyonePresent: false, nowMs: 100_000) == 50)
    }
}

@Suite struct VoiceCutShortTests {
    @Test func crossStopsTheMomentTheFloorLeavesGreen() {
        var guidance = VoiceGuidance(settings: CrosswalkSettings(voicePulseMs: 300), waitingZones: 1)
        _ = guidance.update(signal: .green, floor: .green, waiting: [false], localMinuteOfDay: nil, nowMs: 0)
        #expect(guidance.update(signal: .green, floor: .green, waiting: [true], localMinuteOfDay: nil, nowMs: 20) == .greenCross)
        #expect(guidance.update(signal: .green, floor: .dark, waiting: [true], localMinuteOfDay: nil, nowMs: 40) == .none)
    }
}
