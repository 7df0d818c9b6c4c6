import Glibc

/// Trigonometry in degrees, the unit every almanac formula is written in.
///
/// Exists so the solar formulas read as they are printed (NOAA, Meeus) instead of being sprinkled
/// with radian conversions.
enum DegreeTrigonometry {
    private static let radiansPerDegree = Double.pi / 180

    static func sin(_ degrees: Double) -> Double { Glibc.sin(degrees * radiansPerDegree) }

    static func cos(_ degrees: Double) -> Double { Glibc.cos(degrees * radiansPerDegree) }

    static func tan(_ degrees: Double) -> Double { Glibc.tan(degrees * radiansPerDegree) }

    /// The angle whose sine is `value`, in degrees; `value` is clamped to −1…1 against rounding.
    static func asin(_ value: Double) -> Double { Glibc.asin(min(1, max(-1, value))) / radiansPerDegree }

    /// `radians` in degrees.
    static func degrees(radians: Double) -> Double { radians / radiansPerDegree }
}
