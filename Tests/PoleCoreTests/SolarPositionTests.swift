import PoleCore
import Testing

/// The sun's declination and the equation of time against published instants and tables.
@Suite struct SolarPositionTests {
    /// Solstice and equinox instants in UTC as published by the USNO ("Earth's Seasons"):
    /// at a solstice the declination is ± the obliquity (23.44°), at an equinox it is 0.
    @Test(arguments: [
        (CivilTime.utcSeconds(2010, 6, 21, 11, 28, zoneHours: 0), 23.44),
        (CivilTime.utcSeconds(2024, 12, 21, 9, 20, zoneHours: 0), -23.44),
        (CivilTime.utcSeconds(2024, 3, 20, 3, 6, zoneHours: 0), 0.0),
        (CivilTime.utcSeconds(2024, 9, 22, 12, 44, zoneHours: 0), 0.0),
    ] as [(Int64, Double)])
    func declinationAtSolsticesAndEquinoxes(utcSeconds: Int64, declinationDegrees: Double) {
        let sun = SolarPosition(utcSeconds: Double(utcSeconds))
        #expect(abs(sun.declinationDegrees - declinationDegrees) < 0.01, "\(sun.declinationDegrees)°")
    }

    /// Equation of time at 12:00 (TT, within a minute of UTC) from the table computed with Meeus'
    /// higher-accuracy method (VSOP87) at home.kpn.nl/vanadovv/time/EoT_table.html, and the check
    /// value of Smart's series quoted by F. Reed (NavList, 2005-01-10): −444.14 s at 0h UT 2005-01-10.
    @Test(arguments: [
        (CivilTime.utcSeconds(2007, 1, 1, 12, 0, zoneHours: 0), -206),  // −3 min 26 s
        (CivilTime.utcSeconds(2008, 1, 1, 12, 0, zoneHours: 0), -198),  // −3 min 18 s
        (CivilTime.utcSeconds(2007, 1, 13, 12, 0, zoneHours: 0), -514),  // −8 min 34 s
        (CivilTime.utcSeconds(2005, 1, 10, 0, 0, zoneHours: 0), -444.14),
    ] as [(Int64, Double)])
    func equationOfTimeMatchesPublishedValues(utcSeconds: Int64, equationOfTimeSeconds: Double) {
        let sun = SolarPosition(utcSeconds: Double(utcSeconds))
        #expect(abs(sun.equationOfTimeSeconds - equationOfTimeSeconds) < 3, "\(sun.equationOfTimeSeconds) s")
    }

    /// The year's extremes at 12:00 UT: the sundial is slowest around 12 February and fastest
    /// around 3 November. Published sizes differ by source: −14 min 6 s and +16 min 33 s (the
    /// professionalwatches.com glossary, "Equation of time"), −14 min 20 s and +16 min 24 s at 12:00 UT
    /// (geoastro.de/SME, after the Royal Greenwich Observatory); the computed extremes must fall
    /// between them.
    @Test func equationOfTimeExtremesFallOnPublishedDatesAndSizes() {
        let firstDay = CivilTime.epochDay(2024, 1, 1)
        var minimum = (day: firstDay, seconds: Double.infinity)
        var maximum = (day: firstDay, seconds: -Double.infinity)
        for day in firstDay..<firstDay + 366 {
            let seconds = SolarPosition(utcSeconds: Double(day * 86_400 + 43_200)).equationOfTimeSeconds
            if seconds < minimum.seconds { minimum = (day, seconds) }
            if seconds > maximum.seconds { maximum = (day, seconds) }
        }
        #expect((CivilTime.epochDay(2024, 2, 10)...CivilTime.epochDay(2024, 2, 13)).contains(minimum.day))
        let slowestSeconds: ClosedRange<Double> = -860 ... -846  // −14 min 20 s … −14 min 6 s
        #expect(slowestSeconds.contains(minimum.seconds), "\(minimum.seconds) s")
        #expect((CivilTime.epochDay(2024, 11, 2)...CivilTime.epochDay(2024, 11, 5)).contains(maximum.day))
        let fastestSeconds: ClosedRange<Double> = 984...993  // +16 min 24 s … +16 min 33 s
        #expect(fastestSeconds.contains(maximum.seconds), "\(maximum.seconds) s")
    }
}
