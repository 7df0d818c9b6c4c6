/// An astronomical clock for one site: sunrise, sunset, civil twilight and the sun's elevation,
/// from the site's latitude and longitude alone.
///
/// Exists so a pole can decide night without a light sensor, and bound the one it has (TALQ
/// "AstroAndSensor"). Pure: every answer is a function of the site and the UTC time passed in;
/// nothing reads a clock or allocates, so the control loop may ask on every tick.
///
/// Days are solar days numbered like the Unix epoch: solar day `d` is the day whose mean solar noon
/// at this longitude is `d × 86 400 + 43 200 − longitude × 240` UTC seconds, and it runs from the
/// mean solar midnight before that noon to the one after. Where the civil time zone is within a few
/// hours of mean solar time (everywhere people light streets), `d` is the local calendar date as
/// days since 1970-01-01, and its sunrise and sunset are that date's, even when they fall on
/// another UTC date (Seoul's sunrise is the previous evening in UTC).
public struct SolarClock: Sendable, Hashable {
    /// The site's latitude, north positive, in degrees.
    public let latitudeDegrees: Double
    /// The site's longitude, east positive, in degrees.
    public let longitudeDegrees: Double

    /// The clock accepts epoch days from −limit to +limit, about 770 BCE to 4700 CE. The formulas
    /// lose accuracy centuries before these limits; asking outside them is a programmer error: a
    /// wall clock outside `supportedUTCSeconds` is not trusted, so the night decision never asks.
    public static let epochDayLimit: Int64 = 1_000_000

    /// The UTC times (seconds since 1970) for which the night decision can ask about the solar day
    /// holding the time and the days either side of it, at any longitude: two days inside the range.
    public static let supportedUTCSeconds: ClosedRange<Int64> = -(epochDayLimit - 2) * 86_400...(epochDayLimit - 2) * 86_400

    private static let secondsPerDay = 86_400.0
    private static let halfDaySeconds = 43_200.0
    /// Halving the 12-hour search 17 times leaves less than half a second.
    private static let bisectionSteps = 17

    /// A clock for the site at `latitudeDegrees` (−90…90) and `longitudeDegrees` (−180…180).
    public init(latitudeDegrees: Double, longitudeDegrees: Double) {
        precondition(latitudeDegrees >= -90, "latitude \(latitudeDegrees)° is south of the pole")
        precondition(latitudeDegrees <= 90, "latitude \(latitudeDegrees)° is north of the pole")
        precondition(longitudeDegrees >= -180, "longitude \(longitudeDegrees)° is below −180°")
        precondition(longitudeDegrees <= 180, "longitude \(longitudeDegrees)° is above 180°")
        self.latitudeDegrees = latitudeDegrees
        self.longitudeDegrees = longitudeDegrees
    }

    /// The solar day that contains `utcSeconds`: its mean solar midnight at or before, as days since
    /// 1970-01-01.
    public func epochDay(containingUTCSeconds utcSeconds: Int64) -> Int64 {
        Self.checkUTC(utcSeconds)
        let localMeanSeconds = Double(utcSeconds) + longitudeDegrees * 240
        return Int64((localMeanSeconds / Self.secondsPerDay).rounded(.down))
    }

    /// When the sun crosses the meridian on solar day `epochDay`, in UTC seconds.
    public func solarNoonUTCSeconds(epochDay: Int64) -> Int64 {
        Int64(solarNoon(epochDay: epochDay).rounded())
    }

    /// When the sun crosses `zenith` on solar day `epochDay`, or why it does not.
    ///
    /// The rising is searched from 12 h before the day's solar noon (apparent solar midnight, up to
    /// 16 minutes from the mean solar midnight that starts the day) to noon, the setting from noon to
    /// 12 h after, to the nearest second; so near the midnight sun a crossing may lie just outside
    /// its day's mean-midnight bounds (`AstronomicalNight` also looks at the neighbouring days). On
    /// the few days near the start or end of a polar period when the sun skims the threshold for
    /// hours, the time found is one of the near-grazing crossings; the day's classification still
    /// holds.
    public func crossings(of zenith: SolarZenith, epochDay: Int64) -> SunCrossings {
        let noon = solarNoon(epochDay: epochDay)
        let threshold = zenith.elevationDegrees
        guard elevation(utcSeconds: noon) > threshold else { return .alwaysBelow }
        let midnightBefore = noon - Self.halfDaySeconds
        let midnightAfter = noon + Self.halfDaySeconds
        let rising = elevation(utcSeconds: midnightBefore) > threshold
            ? nil : crossing(belowUTCSeconds: midnightBefore, aboveUTCSeconds: noon, thresholdDegrees: threshold)
        let setting = elevation(utcSeconds: midnightAfter) > threshold
            ? nil : crossing(belowUTCSeconds: midnightAfter, aboveUTCSeconds: noon, thresholdDegrees: threshold)
        switch (rising, setting) {
        case let (rising?, setting?): return .risesAndSets(risingUTCSeconds: rising, settingUTCSeconds: setting)
        case let (rising?, nil): return .risesOnly(risingUTCSeconds: rising)
        case let (nil, setting?): return .setsOnly(settingUTCSeconds: setting)
        case (nil, nil): return .alwaysAbove
        }
    }

    /// The sun's geometric elevation above the horizon at `utcSeconds`, in degrees (−90…90),
    /// without refraction: the quantity the zenith thresholds are stated in.
    public func elevationDegrees(atUTCSeconds utcSeconds: Int64) -> Double {
        Self.checkUTC(utcSeconds)
        return elevation(utcSeconds: Double(utcSeconds))
    }

    /// Whether the sun's centre is lower than `zenith` at `utcSeconds`: the astronomical night
    /// decision, free of day boundaries.
    public func isSunBelow(_ zenith: SolarZenith, atUTCSeconds utcSeconds: Int64) -> Bool {
        elevationDegrees(atUTCSeconds: utcSeconds) < zenith.elevationDegrees
    }

    private static func checkUTC(_ utcSeconds: Int64) {
        let limitSeconds = epochDayLimit * 86_400
        precondition(utcSeconds >= -limitSeconds, "UTC time \(utcSeconds) s is before the astronomical clock's range")
        precondition(utcSeconds <= limitSeconds, "UTC time \(utcSeconds) s is after the astronomical clock's range")
    }

    private func solarNoon(epochDay: Int64) -> Double {
        precondition(epochDay >= -Self.epochDayLimit, "epoch day \(epochDay) is before the astronomical clock's range")
        precondition(epochDay <= Self.epochDayLimit, "epoch day \(epochDay) is after the astronomical clock's range")
        let meanNoon = Double(epochDay) * Self.secondsPerDay + Self.halfDaySeconds - longitudeDegrees * 240
        // The equation of time changes by under 30 s a day: two refinements settle it.
        var noon = meanNoon
        for _ in 0..<2 {
            noon = meanNoon - SolarPosition(utcSeconds: noon).equationOfTimeSeconds
        }
        return noon
    }

    private func elevation(utcSeconds: Double) -> Double {
        typealias D = DegreeTrigonometry
        let sun = SolarPosition(utcSeconds: utcSeconds)
        let secondOfDay = utcSeconds - (utcSeconds / Self.secondsPerDay).rounded(.down) * Self.secondsPerDay
        let hourAngle = (secondOfDay + sun.equationOfTimeSeconds) / 240 + longitudeDegrees - 180
        let sine = D.sin(latitudeDegrees) * D.sin(sun.declinationDegrees)
            + D.cos(latitudeDegrees) * D.cos(sun.declinationDegrees) * D.cos(hourAngle)
        return D.asin(sine)
    }

    /// Bisects between a time when the sun is at or below `thresholdDegrees` and one when it is
    /// above, in either order, and returns the crossing to the nearest second.
    private func crossing(belowUTCSeconds: Double, aboveUTCSeconds: Double, thresholdDegrees: Double) -> Int64 {
        var below = belowUTCSeconds
        var above = aboveUTCSeconds
        for _ in 0..<Self.bisectionSteps {
            let middle = (below + above) / 2
            if elevation(utcSeconds: middle) > thresholdDegrees {
                above = middle
            } else {
                below = middle
            }
        }
        return Int64(((below + above) / 2).rounded())
    }
}
