/// The latest particulate reading the poller handed over: mass concentrations in µg/m³ with the
/// time the sensor produced them, or why the sensor is failing.
public enum ParticulateReading: Sendable, Hashable {
    case sample(pm1: Double, pm2_5: Double, pm10: Double, atMs: Int64)
    /// The sensor is failing; the text names the error kind.
    case failed(String)

    /// The mass concentrations a sample may carry, in µg/m³: above every sensor's range (SPS30
    /// 0–1 000, PMSA003I at most 65 535), far below what could overflow a mean. The core takes a
    /// sample with a value outside (or not a number) as a failed reading, `out-of-range`.
    public static let plausibleMicrogramsPerCubicMetre: ClosedRange<Double> = 0...1_000_000

    /// The error kind of a sample outside `plausibleMicrogramsPerCubicMetre`.
    public static let outOfRange = "out-of-range"

    /// Whether a sample of these concentrations is taken as one: each within
    /// `plausibleMicrogramsPerCubicMetre` (so not a NaN either).
    static func isPlausible(pm1: Double, pm2_5: Double, pm10: Double) -> Bool {
        let range = plausibleMicrogramsPerCubicMetre
        return range.contains(pm1) && range.contains(pm2_5) && range.contains(pm10)
    }
}
