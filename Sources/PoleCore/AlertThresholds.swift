/// The hourly-mean thresholds of one pollutant's fine-dust alert, in µg/m³.
///
/// Exists so the Korean rules are data, not code: an advisory (주의보) starts when hourly means stay at
/// or above `advisoryOnset` for `onsetHours` hours and ends below `advisoryClear`; a warning (경보)
/// starts at or above `warningOnset` for `onsetHours` and falls back to an advisory below
/// `warningClear`. The defaults are the national criteria.
public struct AlertThresholds: Sendable, Hashable {
    public var advisoryOnset: Double
    public var advisoryClear: Double
    public var warningOnset: Double
    public var warningClear: Double
    /// How many consecutive valid hourly means must reach an onset threshold.
    public var onsetHours: Int

    public init(advisoryOnset: Double, advisoryClear: Double, warningOnset: Double, warningClear: Double, onsetHours: Int = 2) {
        precondition(advisoryClear < advisoryOnset, "an advisory must clear below its onset")
        precondition(warningClear < warningOnset, "a warning must clear below its onset")
        precondition(advisoryOnset < warningOnset, "a warning starts above an advisory")
        precondition(advisoryClear < warningClear, "a warning must fall back to an advisory before it clears")
        precondition(onsetHours >= 1, "onset needs at least one hour")
        self.advisoryOnset = advisoryOnset
        self.advisoryClear = advisoryClear
        self.warningOnset = warningOnset
        self.warningClear = warningClear
        self.onsetHours = onsetHours
    }

    /// PM2.5: advisory ≥ 75 (cleared < 35), warning ≥ 150 (back to advisory < 75).
    public static let pm2_5 = AlertThresholds(advisoryOnset: 75, advisoryClear: 35, warningOnset: 150, warningClear: 75)

    /// PM10: advisory ≥ 150 (cleared < 100), warning ≥ 300 (back to advisory < 150).
    public static let pm10 = AlertThresholds(advisoryOnset: 150, advisoryClear: 100, warningOnset: 300, warningClear: 150)
}
