@testable import PoleCore
import Testing

/// Offsets, the time to sunrise and the twilight window on the short nights next to the midnight sun,
/// where the crossing that starts or ends the night belongs to a neighbouring solar day.
@Suite struct AstronomicalNightTests {
    static let harstad = (latitude: 68.7983, longitude: 16.5417)
    static let kirkenes = (latitude: 69.7271, longitude: 30.0450)

    /// Where poled's sun rises (or sets) through the threshold within 10 minutes of `utcSeconds` (the
    /// reference's crossing in `SunReferenceTable`): the first second on the far side.
    static func crossing(_ site: (latitude: Double, longitude: Double), rising: Bool, near utcSeconds: Int64) throws -> Int64 {
        let clock = SolarClock(latitudeDegrees: site.latitude, longitudeDegrees: site.longitude)
        func below(_ time: Int64) -> Bool { clock.isSunBelow(.sunriseSunset, atUTCSeconds: time) }
        let found = (utcSeconds - 600...utcSeconds + 600).first { below($0 - 1) == rising && below($0) != rising }
        return try #require(found, "no \(rising ? "sunrise" : "sunset") within 10 minutes of \(utcSeconds)")
    }

    /// A fresh night decision for every question, so each answer stands on its own (and `#expect`
    /// can ask it).
    struct Night {
        let settings: NightSettings

        init(_ site: (latitude: Double, longitude: Double), dusk: Int = 0, dawn: Int = 0) {
            settings = NightSettings(latitudeDegrees: site.latitude, longitudeDegrees: site.longitude, duskOffsetMinutes: dusk, dawnOffsetMinutes: dawn)
        }

        func isNight(atUTCSeconds time: Int64) -> Bool {
            var night = AstronomicalNight(settings: settings)
            return night.isNight(atUTCSeconds: time)
        }

        func secondsUntilDay(atUTCSeconds time: Int64) -> Int64? {
            var night = AstronomicalNight(settings: settings)
            return night.secondsUntilDay(atUTCSeconds: time)
        }

        func isNearTwilight(atUTCSeconds time: Int64, minutes: Int) -> Bool {
            var night = AstronomicalNight(settings: settings)
            return night.isNearTwilight(atUTCSeconds: time, minutes: minutes)
        }
    }

    /// Harstad, 2027-07-21: the sun sets at 22:55 UTC, after mean solar midnight (22:53:50), and rises
    /// at 23:06; both offsets move their end of the night, across the solar midnight.
    @Test func offsetsMoveBothEndsOfAShortNight() throws {
        let sunset = try Self.crossing(Self.harstad, rising: false, near: 1_816_210_507)
        let sunrise = try Self.crossing(Self.harstad, rising: true, near: 1_816_211_173)
        let night = Night(Self.harstad, dusk: 3, dawn: 2)
        #expect(!night.isNight(atUTCSeconds: sunset + 179))
        #expect(night.isNight(atUTCSeconds: sunset + 180))
        #expect(night.isNight(atUTCSeconds: sunrise + 119))
        #expect(!night.isNight(atUTCSeconds: sunrise + 120))
        #expect(night.secondsUntilDay(atUTCSeconds: sunset + 180) == sunrise + 120 - sunset - 180)
    }

    /// A dusk offset that ends after the dawn offset's end leaves that night out entirely.
    @Test func offsetsThatOverlapLeaveAShortNightOut() throws {
        let sunset = try Self.crossing(Self.harstad, rising: false, near: 1_816_210_507)
        let sunrise = try Self.crossing(Self.harstad, rising: true, near: 1_816_211_173)
        let night = Night(Self.harstad, dusk: 10, dawn: -10)
        for time in stride(from: sunset - 3_600, to: sunrise + 3_600, by: 10) {
            #expect(!night.isNight(atUTCSeconds: time), "\(time)")
        }
    }

    /// Kirkenes, 2031-05-17: the sun rises at 21:57 UTC, before mean solar midnight (21:59:48), so the
    /// sunrise belongs to the next solar day; the twilight window and the time to sunrise see it.
    @Test func theTwilightWindowAndTheTimeToSunriseSeeTheNextSolarDaysSunrise() throws {
        let sunrise = try Self.crossing(Self.kirkenes, rising: true, near: 1_936_821_587)
        let clock = SolarClock(latitudeDegrees: Self.kirkenes.latitude, longitudeDegrees: Self.kirkenes.longitude)
        #expect(clock.epochDay(containingUTCSeconds: sunrise - 60) == CivilTime.epochDay(2031, 5, 17))
        let night = Night(Self.kirkenes)
        #expect(night.isNight(atUTCSeconds: sunrise - 60))
        #expect(night.secondsUntilDay(atUTCSeconds: sunrise - 60) == 60)
        #expect(night.isNearTwilight(atUTCSeconds: sunrise - 60, minutes: 2))
        #expect(!night.isNight(atUTCSeconds: sunrise))
    }

    /// Polar night and midnight sun keep their answers: Longyearbyen at the solstices.
    @Test func polarNightAndMidnightSunAreUnchanged() {
        let night = Night((78.2232, 15.6267))
        let december = CivilTime.epochDay(2026, 12, 21) * 86_400
        let june = CivilTime.epochDay(2026, 6, 21) * 86_400
        for hour in Int64(0)..<24 {
            #expect(night.isNight(atUTCSeconds: december + hour * 3_600), "December, \(hour)h UTC")
            #expect(night.secondsUntilDay(atUTCSeconds: december + hour * 3_600) == nil)
            #expect(!night.isNight(atUTCSeconds: june + hour * 3_600), "June, \(hour)h UTC")
        }
    }
}
