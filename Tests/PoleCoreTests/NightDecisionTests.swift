@testable import PoleCore
import Testing

/// Seoul, 2026-06-21: sunrise 05:11, sunset 19:57 KST (KASI); 2026-06-21T03:00Z is noon KST.
private let noonUTC: Int64 = 1_782_010_800
private let midnightUTC: Int64 = noonUTC + 12 * 3_600

@Suite struct NightDecisionTests {
    private func decision(_ mode: NightSettings.Mode = .astro) -> NightDecision {
        NightDecision(settings: NightSettings(mode: mode))
    }

    private func step(
        _ decision: inout NightDecision, atMs: Int64, utc: Int64, photocellDark: Bool? = nil, synchronised: Bool? = true
    ) -> (NightDecision.State, [Event]) {
        var events: [Event] = []
        let inputs = Inputs(monotonicMs: atMs, utcSeconds: utc, photocellDark: photocellDark, clockSynchronised: synchronised)
        let state = decision.update(inputs, events: &events)
        return (state, events)
    }

    @Test func astroNightFollowsTheSun() {
        var night = decision()
        let (noon, noonEvents) = step(&night, atMs: 0, utc: noonUTC)
        #expect(noon == .init(isNight: false, isDecided: true))
        #expect(noonEvents == [.night(false)])
        var late = decision()
        #expect(step(&late, atMs: 0, utc: midnightUTC).0 == .init(isNight: true, isDecided: true))
    }

    @Test func astroNightTurnsAtSunsetPlusTheOffset() {
        var night = NightDecision(settings: NightSettings(duskOffsetMinutes: 15))
        let sunsetUTC: Int64 = 1_782_039_420
        #expect(!step(&night, atMs: 0, utc: sunsetUTC + 14 * 60).0.isNight)
        let (after, events) = step(&night, atMs: 60_000, utc: sunsetUTC + 16 * 60)
        #expect(after.isNight)
        #expect(events == [.night(true)])
    }

    @Test func aClockBefore2025IsUntrustedAndTheLampsFailLit() {
        var night = decision()
        let (state, events) = step(&night, atMs: 0, utc: 0)
        #expect(state == .init(isNight: true, isDecided: false))
        #expect(events == [.faultRaised(.clockUntrusted), .night(true)])
    }

    @Test func anUnsynchronisedClockIsUntrusted() {
        var night = decision()
        #expect(step(&night, atMs: 0, utc: noonUTC, synchronised: false).0 == .init(isNight: true, isDecided: false))
        let (state, events) = step(&night, atMs: 20, utc: noonUTC, synchronised: true)
        #expect(state == .init(isNight: false, isDecided: true))
        #expect(events == [.faultCleared(.clockUntrusted, by: nil, reason: nil), .night(false)])
    }

    @Test func aJumpIsDistrustedForTheDistrustTime() {
        var night = decision()
        _ = step(&night, atMs: 0, utc: noonUTC)
        let (jumped, events) = step(&night, atMs: 1_000, utc: noonUTC + 3_600)
        #expect(!jumped.isDecided)
        #expect(events.contains(.faultRaised(.clockUntrusted)))
        #expect(!step(&night, atMs: 600_999, utc: noonUTC + 3_600 + 600).0.isDecided)
        #expect(step(&night, atMs: 601_000, utc: noonUTC + 3_600 + 600).0.isDecided)
    }

    @Test func theSensorWaitsForTheTurnOnDelayButNotAtStart() {
        var night = decision(.sensor)
        #expect(step(&night, atMs: 0, utc: noonUTC, photocellDark: true).0.isNight, "immediate at start")
        _ = step(&night, atMs: 1_000, utc: noonUTC, photocellDark: false)
        #expect(!step(&night, atMs: 2_000, utc: noonUTC, photocellDark: true).0.isNight)
        #expect(!step(&night, atMs: 61_999, utc: noonUTC, photocellDark: true).0.isNight)
        #expect(step(&night, atMs: 62_000, utc: noonUTC, photocellDark: true).0.isNight)
        #expect(!step(&night, atMs: 62_020, utc: noonUTC, photocellDark: false).0.isNight, "light ends night at once")
    }

    @Test func theSensorDecidesEvenWithAnUntrustedClock() {
        var night = decision(.sensor)
        #expect(step(&night, atMs: 0, utc: 0, photocellDark: false).0 == .init(isNight: false, isDecided: true))
    }

    @Test func astroAndSensorLetsTheSensorDecideOnlyNearTwilight() {
        var storm = decision(.astroAndSensor)
        #expect(!step(&storm, atMs: 0, utc: noonUTC, photocellDark: true).0.isNight, "a dark noon storm is still day")
        var dusk = decision(.astroAndSensor)
        let sunsetUTC: Int64 = 1_782_039_420
        #expect(step(&dusk, atMs: 0, utc: sunsetUTC - 1_800, photocellDark: true).0.isNight, "dark before sunset, in the window")
        var untrusted = decision(.astroAndSensor)
        #expect(step(&untrusted, atMs: 0, utc: 0, photocellDark: false).0 == .init(isNight: false, isDecided: true))
    }

    @Test func polarDaysAndNightsAreDecided() {
        var winter = NightDecision(settings: NightSettings(latitudeDegrees: 78.2, longitudeDegrees: 15.6))
        #expect(step(&winter, atMs: 0, utc: 1_766_318_400).0.isNight, "Longyearbyen, 2025-12-21 noon: polar night")
        var summer = NightDecision(settings: NightSettings(latitudeDegrees: 78.2, longitudeDegrees: 15.6))
        #expect(!step(&summer, atMs: 0, utc: midnightUTC).0.isNight, "Longyearbyen, 2026-06-21: midnight sun")
    }
}

@Suite struct FloorNightLevelTests {
    @Test func theFloorDimsOnlyWhenNightWasDecided() {
        var decided = Outputs.safe
        var crosswalk = Crosswalk(settings: CrosswalkSettings(), presenceZones: [])
        var events: [Event] = []
        crosswalk.step(Inputs(monotonicMs: 0, utcSeconds: 0), night: true, nightDecided: true, outputs: &decided, events: &events)
        #expect(decided.floorLevelPercent == 40)
        var undecided = Outputs.safe
        crosswalk.step(Inputs(monotonicMs: 20, utcSeconds: 0), night: true, nightDecided: false, outputs: &undecided, events: &events)
        #expect(undecided.floorLevelPercent == 100)
        #expect(undecided.spotlightPercent == 50, "the spotlight fails lit")
    }
}
