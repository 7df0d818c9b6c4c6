/// Where the sun stands against the sky at one instant: the two numbers every sunrise, sunset and
/// night decision is computed from.
///
/// Exists so the astronomy lives in one place, written out from the NOAA solar calculator's formulas
/// (Meeus, *Astronomical Algorithms*, ch. 25, low-accuracy method): about 0.01° in declination and a
/// few seconds in the equation of time for 1950–2100, well inside the minute a lighting schedule needs.
/// Time is UTC; the difference to terrestrial time (about a minute) is ignored, as NOAA does, which
/// moves the sun by less than 0.001°.
public struct SolarPosition: Sendable, Hashable {
    /// The sun's angle north (+) or south (−) of the celestial equator, in degrees.
    public let declinationDegrees: Double
    /// Apparent minus mean solar time, in seconds: how far a sundial runs ahead of mean time
    /// (about −14 min in February, +16 min in November).
    public let equationOfTimeSeconds: Double

    /// J2000.0 (2000-01-01T12:00:00) as seconds since the Unix epoch.
    private static let j2000UTCSeconds = 946_728_000.0
    private static let secondsPerJulianCentury = 36_525.0 * 86_400

    /// The sun's position at `utcSeconds` (seconds since 1970-01-01T00:00:00Z, fractions allowed).
    public init(utcSeconds: Double) {
        typealias D = DegreeTrigonometry
        let t = (utcSeconds - Self.j2000UTCSeconds) / Self.secondsPerJulianCentury
        let meanLongitude = (280.466_46 + t * (36_000.769_83 + t * 0.000_303_2))
            .truncatingRemainder(dividingBy: 360)
        let meanAnomaly = 357.529_11 + t * (35_999.050_29 - t * 0.000_153_7)
        let eccentricity = 0.016_708_634 - t * (0.000_042_037 + t * 0.000_000_126_7)
        let equationOfCentre = D.sin(meanAnomaly) * (1.914_602 - t * (0.004_817 + t * 0.000_014))
            + D.sin(2 * meanAnomaly) * (0.019_993 - t * 0.000_101)
            + D.sin(3 * meanAnomaly) * 0.000_289
        let ascendingNode = 125.04 - 1_934.136 * t
        let apparentLongitude = meanLongitude + equationOfCentre - 0.005_69 - 0.004_78 * D.sin(ascendingNode)
        let meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.000_59 - t * 0.001_813))) / 60) / 60
        let obliquity = meanObliquity + 0.002_56 * D.cos(ascendingNode)
        declinationDegrees = D.asin(D.sin(obliquity) * D.sin(apparentLongitude))

        let y = D.tan(obliquity / 2) * D.tan(obliquity / 2)
        let equationOfTimeRadians = y * D.sin(2 * meanLongitude)
            - 2 * eccentricity * D.sin(meanAnomaly)
            + 4 * eccentricity * y * D.sin(meanAnomaly) * D.cos(2 * meanLongitude)
            - 0.5 * y * y * D.sin(4 * meanLongitude)
            - 1.25 * eccentricity * eccentricity * D.sin(2 * meanAnomaly)
        // One degree of the sun's hour angle is 240 s of time.
        equationOfTimeSeconds = D.degrees(radians: equationOfTimeRadians) * 240
    }
}
