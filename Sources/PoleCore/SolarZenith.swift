/// The angle from straight overhead at which the sun counts as crossing a lighting threshold.
///
/// Exists so a call names its threshold — `.sunriseSunset`, `.civilTwilight` — instead of passing a
/// bare number. Stated as a zenith, as almanacs and the NOAA calculator state them, and measured to
/// the sun's centre on an ideal sea-level horizon.
public struct SolarZenith: Sendable, Hashable {
    /// The angle from the zenith, in degrees (90 is the geometric horizon).
    public let degrees: Double

    /// A threshold `degrees` from the zenith; more than 0 and less than 180.
    public init(degrees: Double) {
        precondition(degrees > 0, "solar zenith \(degrees)° is not below the zenith")
        precondition(degrees < 180, "solar zenith \(degrees)° is not above the nadir")
        self.degrees = degrees
    }

    /// 90°50′, official sunrise and sunset: the sun's upper limb on the horizon (16′ semi-diameter
    /// plus 34′ standard refraction).
    public static let sunriseSunset = SolarZenith(degrees: 90 + 50.0 / 60)

    /// 96°, civil dawn and dusk: the sun's centre 6° below the horizon.
    public static let civilTwilight = SolarZenith(degrees: 96)

    /// The sun's geometric elevation above the horizon at this zenith, in degrees.
    var elevationDegrees: Double { 90 - degrees }
}
