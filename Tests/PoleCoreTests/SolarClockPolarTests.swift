import PoleCore
import Testing

/// Polar night and midnight sun: the explicit no-event states, and the single crossing on the days
/// a midnight-sun period begins and ends.
///
/// On those transition days the sun skims the threshold near solar midnight, descending about 0.01°
/// a minute, so a hundredth of a degree of difference in position or in the site's coordinates (the
/// sources do not print theirs) moves the published minute by one; such times are checked to ±2 min.
@Suite struct SolarClockPolarTests {
    static let tromso = SolarClock(latitudeDegrees: 69.6496, longitudeDegrees: 18.9560)
    /// The position the USNO printed for Tromsø: E19.0, N69.5.
    static let tromsoUSNO = SolarClock(latitudeDegrees: 69.5, longitudeDegrees: 19.0)
    static let longyearbyen = SolarClock(latitudeDegrees: 78.2232, longitudeDegrees: 15.6267)

    private static let grazingToleranceSeconds: Int64 = 120

    // MARK: Tromsø

    /// Derived, not looked up: at the December solstice Tromsø's noon sun stands at
    /// 90° − 69.65° − 23.44° = −3.09°, below the horizon (polar night) but above −6°, so civil
    /// twilight still comes and goes around noon.
    @Test func tromsoWinterSolsticeIsPolarNightWithCivilTwilight() throws {
        let day = CivilTime.epochDay(2024, 12, 21)
        #expect(Self.tromso.crossings(of: .sunriseSunset, epochDay: day) == .alwaysBelow)
        let civil = Self.tromso.crossings(of: .civilTwilight, epochDay: day)
        let dawn = try #require(civil.risingUTCSeconds)
        let dusk = try #require(civil.settingUTCSeconds)
        let noon = Self.tromso.solarNoonUTCSeconds(epochDay: day)
        #expect(dawn < noon)
        #expect(noon < dusk)
        #expect(Self.tromso.isSunBelow(.sunriseSunset, atUTCSeconds: noon))
        #expect(!Self.tromso.isSunBelow(.civilTwilight, atUTCSeconds: noon))
    }

    /// Derived: at the June solstice the midnight sun stands at −90° + 69.65° + 23.44° = +3.09°.
    @Test func tromsoSummerSolsticeIsMidnightSun() {
        let day = CivilTime.epochDay(2024, 6, 21)
        #expect(Self.tromso.crossings(of: .sunriseSunset, epochDay: day) == .alwaysAbove)
        #expect(Self.tromso.crossings(of: .civilTwilight, epochDay: day) == .alwaysAbove)
        let midnight = Self.tromso.solarNoonUTCSeconds(epochDay: day) + 43_200
        #expect(!Self.tromso.isSunBelow(.sunriseSunset, atUTCSeconds: midnight))
    }

    /// USNO for Tromsø (E19.0, N69.5), UT+1, quoted at answers.com: "On May 17, the Sun rises at 0029
    /// and sets 23 hours later at 2306. On May 18, the Sun rises at 0013, and sets again 69 days
    /// later, at 2320 on July 25."
    @Test func tromsoMidnightSunBeginsAndEndsAsUSNOPrints() {
        func day(_ month: Int, _ day: Int) -> Int64 { CivilTime.epochDay(2014, month, day) }
        func local(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Int64 {
            CivilTime.utcSeconds(2014, month, day, hour, minute, zoneHours: 1)
        }
        let may17 = Self.tromsoUSNO.crossings(of: .sunriseSunset, epochDay: day(5, 17))
        expectPublished(may17.risingUTCSeconds, local(5, 17, 0, 29), withinSeconds: Self.grazingToleranceSeconds, "rise May 17")
        expectPublished(may17.settingUTCSeconds, local(5, 17, 23, 6), withinSeconds: Self.grazingToleranceSeconds, "set May 17")

        let may18 = Self.tromsoUSNO.crossings(of: .sunriseSunset, epochDay: day(5, 18))
        guard case .risesOnly(let rising) = may18 else {
            Issue.record("May 18 should rise and not set, got \(may18)")
            return
        }
        expectPublished(rising, local(5, 18, 0, 13), withinSeconds: Self.grazingToleranceSeconds, "rise May 18")

        for epochDay in day(5, 19)...day(7, 24) {
            #expect(Self.tromsoUSNO.crossings(of: .sunriseSunset, epochDay: epochDay) == .alwaysAbove, "epoch day \(epochDay)")
        }

        let july25 = Self.tromsoUSNO.crossings(of: .sunriseSunset, epochDay: day(7, 25))
        guard case .setsOnly(let setting) = july25 else {
            Issue.record("July 25 should set without rising, got \(july25)")
            return
        }
        expectPublished(setting, local(7, 25, 23, 20), withinSeconds: Self.grazingToleranceSeconds, "set July 25")
    }

    // MARK: Longyearbyen (78.2 N)

    /// Icepeople (Longyearbyen), 2020-08-25: polar night "officially begins Oct. 26, … following the
    /// last 'day' on Oct. 25 when the sun rises at 10:49 a.m. and sets at 12:31 p.m." (CET, UTC+1).
    @Test func longyearbyenPolarNightBeginsOnOctober26() {
        let lastDay = Self.longyearbyen.crossings(of: .sunriseSunset, epochDay: CivilTime.epochDay(2020, 10, 25))
        expectPublished(lastDay.risingUTCSeconds, CivilTime.utcSeconds(2020, 10, 25, 10, 49, zoneHours: 1), "rise Oct 25")
        expectPublished(lastDay.settingUTCSeconds, CivilTime.utcSeconds(2020, 10, 25, 12, 31, zoneHours: 1), "set Oct 25")
        #expect(Self.longyearbyen.crossings(of: .sunriseSunset, epochDay: CivilTime.epochDay(2020, 10, 26)) == .alwaysBelow)
    }

    /// Icepeople, 2016-04-14: "The first official sunrise in Longyearbyen this year was Feb. 16."
    @Test func longyearbyenPolarNightEndsOnFebruary16() {
        #expect(Self.longyearbyen.crossings(of: .sunriseSunset, epochDay: CivilTime.epochDay(2016, 2, 15)) == .alwaysBelow)
        let firstDay = Self.longyearbyen.crossings(of: .sunriseSunset, epochDay: CivilTime.epochDay(2016, 2, 16))
        guard case .risesAndSets(let rising, let setting) = firstDay else {
            Issue.record("the sun should rise and set on 2016-02-16, got \(firstDay)")
            return
        }
        #expect(rising < setting)
    }

    /// Derived: at the December solstice the noon sun stands at 90° − 78.22° − 23.44° = −11.7°,
    /// below civil twilight too; the Svalbard sun diagram (Longyearbyen Lokalstyre) calls mid-November
    /// to late January the period with the sun more than 6° below the horizon.
    @Test func longyearbyenMidwinterHasNoCivilTwilightEither() {
        let day = CivilTime.epochDay(2024, 12, 21)
        #expect(Self.longyearbyen.crossings(of: .sunriseSunset, epochDay: day) == .alwaysBelow)
        #expect(Self.longyearbyen.crossings(of: .civilTwilight, epochDay: day) == .alwaysBelow)
        #expect(Self.longyearbyen.isSunBelow(.civilTwilight, atUTCSeconds: Self.longyearbyen.solarNoonUTCSeconds(epochDay: day)))
    }

    /// Icepeople, 2020-08-25: "The last sunrise was April 18. This is the first sunset August 25"
    /// — at 12:10 a.m. CEST (UTC+2), i.e. 22:10 UT on the 24th, before the solar day of the 24th
    /// ends; then the sun rises at 1:50 a.m. and "will vanish a second time at 11:45 p.m.".
    @Test func longyearbyenMidnightSunSeason2020() {
        func day(_ month: Int, _ day: Int) -> Int64 { CivilTime.epochDay(2020, month, day) }
        func local(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Int64 {
            CivilTime.utcSeconds(2020, month, day, hour, minute, zoneHours: 2)
        }
        guard case .risesOnly = Self.longyearbyen.crossings(of: .sunriseSunset, epochDay: day(4, 18)) else {
            Issue.record("April 18 should be the last sunrise")
            return
        }
        for epochDay in day(4, 19)...day(8, 23) {
            #expect(Self.longyearbyen.crossings(of: .sunriseSunset, epochDay: epochDay) == .alwaysAbove, "epoch day \(epochDay)")
        }
        let august24 = Self.longyearbyen.crossings(of: .sunriseSunset, epochDay: day(8, 24))
        guard case .setsOnly(let firstSunset) = august24 else {
            Issue.record("the first sunset should end solar day August 24, got \(august24)")
            return
        }
        expectPublished(firstSunset, local(8, 25, 0, 10), withinSeconds: Self.grazingToleranceSeconds, "first sunset")
        let august25 = Self.longyearbyen.crossings(of: .sunriseSunset, epochDay: day(8, 25))
        expectPublished(august25.risingUTCSeconds, local(8, 25, 1, 50), "rise Aug 25")
        expectPublished(august25.settingUTCSeconds, local(8, 25, 23, 45), "set Aug 25")
    }

    /// Derived: under the midnight sun no hour of the day is night, and under polar night no hour
    /// is day, whatever the clock says.
    @Test func isSunBelowHoldsAllDayInPolarPeriods() {
        let june = CivilTime.epochDay(2024, 6, 21) * 86_400
        let december = CivilTime.epochDay(2024, 12, 21) * 86_400
        for hour in Int64(0)..<24 {
            #expect(!Self.longyearbyen.isSunBelow(.sunriseSunset, atUTCSeconds: june + hour * 3_600), "June, \(hour)h UTC")
            #expect(Self.longyearbyen.isSunBelow(.sunriseSunset, atUTCSeconds: december + hour * 3_600), "December, \(hour)h UTC")
        }
    }
}
