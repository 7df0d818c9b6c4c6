import PoleCore
import Testing

/// Properties that hold on every ordinary day, and the day numbering, independent of any table.
@Suite struct SolarClockInvariantTests {
    static let sites: [(name: String, clock: SolarClock)] = [
        ("Seoul", SolarClock(latitudeDegrees: 37.5665, longitudeDegrees: 126.9780)),
        ("Sydney", SolarClock(latitudeDegrees: -33.8597, longitudeDegrees: 151.2047)),
        ("Helsinki", SolarClock(latitudeDegrees: 60.1699, longitudeDegrees: 24.9384)),
        ("Quito", SolarClock(latitudeDegrees: -0.1807, longitudeDegrees: -78.4678)),
        ("Honolulu", SolarClock(latitudeDegrees: 21.3069, longitudeDegrees: -157.8583)),
    ]

    /// Every day of 2024: dawn < sunrise < noon < sunset < dusk, all inside the solar day, which
    /// runs from mean solar midnight to the next.
    @Test(arguments: sites)
    func eventsAreOrderedInsideTheirSolarDay(name: String, clock: SolarClock) throws {
        let first = CivilTime.epochDay(2024, 1, 1)
        for day in first..<first + 366 {
            let sun = clock.crossings(of: .sunriseSunset, epochDay: day)
            let civil = clock.crossings(of: .civilTwilight, epochDay: day)
            let dawn = try #require(civil.risingUTCSeconds, "\(name) day \(day): \(civil)")
            let rising = try #require(sun.risingUTCSeconds, "\(name) day \(day): \(sun)")
            let setting = try #require(sun.settingUTCSeconds, "\(name) day \(day): \(sun)")
            let dusk = try #require(civil.settingUTCSeconds, "\(name) day \(day): \(civil)")
            let noon = clock.solarNoonUTCSeconds(epochDay: day)
            #expect(dawn < rising && rising < noon && noon < setting && setting < dusk, "\(name) day \(day)")
            for event in [dawn, rising, noon, setting, dusk] {
                #expect(clock.epochDay(containingUTCSeconds: event) == day, "\(name) day \(day)")
            }
        }
    }

    /// At each computed crossing the sun stands at the threshold (it moves at most 0.004° a second
    /// near the horizon), and `isSunBelow` flips across it.
    @Test(arguments: sites)
    func crossingsAreWhereTheElevationMeetsTheThreshold(name: String, clock: SolarClock) throws {
        for (month, day) in [(3, 20), (6, 21), (9, 22), (12, 21)] {
            let epochDay = CivilTime.epochDay(2024, month, day)
            for zenith in [SolarZenith.sunriseSunset, .civilTwilight] {
                let crossings = clock.crossings(of: zenith, epochDay: epochDay)
                let rising = try #require(crossings.risingUTCSeconds)
                let setting = try #require(crossings.settingUTCSeconds)
                for time in [rising, setting] {
                    let error = clock.elevationDegrees(atUTCSeconds: time) - (90 - zenith.degrees)
                    #expect(abs(error) < 0.005, "\(name) \(month)-\(day) zenith \(zenith.degrees): off by \(error)°")
                }
                #expect(clock.isSunBelow(zenith, atUTCSeconds: rising - 60))
                #expect(!clock.isSunBelow(zenith, atUTCSeconds: rising + 60))
                #expect(!clock.isSunBelow(zenith, atUTCSeconds: setting - 60))
                #expect(clock.isSunBelow(zenith, atUTCSeconds: setting + 60))
            }
        }
    }

    /// At solar noon the sun is at its highest, 90° − |latitude − declination|.
    @Test(arguments: sites)
    func solarNoonIsTheHighestPoint(name: String, clock: SolarClock) {
        for (month, day) in [(2, 11), (6, 21), (11, 3), (12, 21)] {
            let noon = clock.solarNoonUTCSeconds(epochDay: CivilTime.epochDay(2024, month, day))
            let highest = clock.elevationDegrees(atUTCSeconds: noon)
            #expect(highest > clock.elevationDegrees(atUTCSeconds: noon - 300), "\(name) \(month)-\(day)")
            #expect(highest > clock.elevationDegrees(atUTCSeconds: noon + 300), "\(name) \(month)-\(day)")
            let declination = SolarPosition(utcSeconds: Double(noon)).declinationDegrees
            let expected = 90 - abs(clock.latitudeDegrees - declination)
            #expect(abs(highest - expected) < 0.001, "\(name) \(month)-\(day): \(highest)° vs \(expected)°")
        }
    }

    /// Seoul's mean solar midnight is 00:32 KST (126.978° × 4 min = 8 h 27.9 min ahead of UTC), so
    /// 00:20 KST still belongs to the previous solar day.
    @Test func solarDaysFollowLocalMeanTime() {
        let seoul = Self.sites[0].clock
        #expect(seoul.epochDay(containingUTCSeconds: CivilTime.utcSeconds(2024, 1, 1, 0, 20, zoneHours: 9)) == CivilTime.epochDay(2023, 12, 31))
        #expect(seoul.epochDay(containingUTCSeconds: CivilTime.utcSeconds(2024, 1, 1, 0, 40, zoneHours: 9)) == CivilTime.epochDay(2024, 1, 1))
        let honolulu = Self.sites[4].clock
        // 23:00 HST is 09:00 UTC the next day, and 22:29 local mean time the same day.
        #expect(honolulu.epochDay(containingUTCSeconds: CivilTime.utcSeconds(2024, 7, 1, 23, 0, zoneHours: -10)) == CivilTime.epochDay(2024, 7, 1))
        let greenwich = SolarClock(latitudeDegrees: 51.4769, longitudeDegrees: 0)
        #expect(greenwich.epochDay(containingUTCSeconds: 0) == 0)
        #expect(greenwich.epochDay(containingUTCSeconds: -1) == -1)
        #expect(greenwich.epochDay(containingUTCSeconds: 86_399) == 0)
    }

    @Test func crossingAccessorsNameOnlyTheEventsThatHappen() {
        let both = SunCrossings.risesAndSets(risingUTCSeconds: 100, settingUTCSeconds: 200)
        #expect(both.risingUTCSeconds == 100)
        #expect(both.settingUTCSeconds == 200)
        #expect(SunCrossings.risesOnly(risingUTCSeconds: 300).risingUTCSeconds == 300)
        #expect(SunCrossings.risesOnly(risingUTCSeconds: 300).settingUTCSeconds == nil)
        #expect(SunCrossings.setsOnly(settingUTCSeconds: 400).risingUTCSeconds == nil)
        #expect(SunCrossings.setsOnly(settingUTCSeconds: 400).settingUTCSeconds == 400)
        for state in [SunCrossings.alwaysAbove, .alwaysBelow] {
            #expect(state.risingUTCSeconds == nil)
            #expect(state.settingUTCSeconds == nil)
        }
    }

    @Test func zenithThresholdsAreTheAlmanacAngles() {
        #expect(abs(SolarZenith.sunriseSunset.degrees - 90.833_333) < 0.000_001)
        #expect(SolarZenith.civilTwilight.degrees == 96)
        #expect(SolarZenith(degrees: 102).degrees == 102)
    }

    /// The test helper itself, against dates everyone knows.
    @Test func civilTimeHelperCountsDaysFromTheEpoch() {
        #expect(CivilTime.epochDay(1970, 1, 1) == 0)
        #expect(CivilTime.epochDay(1969, 12, 31) == -1)
        #expect(CivilTime.epochDay(2000, 1, 1) == 10_957)
        #expect(CivilTime.epochDay(2024, 3, 1) == 19_783)
        #expect(CivilTime.utcSeconds(2000, 1, 1, 12, 0, zoneHours: 0) == 946_728_000)
        #expect(CivilTime.utcSeconds(2000, 1, 1, 21, 0, zoneHours: 9) == 946_728_000)
    }
}
