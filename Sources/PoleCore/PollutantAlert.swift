/// The fine-dust alert state machine of one pollutant, stepped once per complete hour.
///
/// Exists to turn hourly means into the Korean advisory/warning rules without flapping:
///
/// - Sustained: onset needs `onsetHours` (2) *consecutive valid* hourly means at or above the onset
///   threshold, so an advisory starts at the end of the second such hour, never after one. Both onset
///   streaks are counted from the same hours, so two hours ≥ the warning threshold go straight from
///   none to a warning.
/// - Clearing: one valid hourly mean below a clearing threshold is enough (the rules add no duration).
///   A warning falls back to an advisory below `warningClear`, or straight to none when the same hour
///   is also below `advisoryClear`.
/// - Missing data: an hour without a valid mean breaks the onset streaks and never clears an alert, so
///   a short sensor gap neither raises nor drops one. After `missingHoursMax` consecutive hours without
///   data the alert lapses to none: an alert the pole can no longer back with a measurement is not shown.
public struct PollutantAlert: Sendable {
    public let thresholds: AlertThresholds
    /// Consecutive hours without a valid mean after which an alert lapses.
    public let missingHoursMax: Int
    /// The level in force.
    public private(set) var level: AlertLevel = .none
    private var advisoryStreak = 0
    private var warningStreak = 0
    private var missingHours = 0

    public init(thresholds: AlertThresholds, missingHoursMax: Int = 3) {
        precondition(missingHoursMax >= 1, "missing hours before lapse must be at least one")
        self.thresholds = thresholds
        self.missingHoursMax = missingHoursMax
    }

    /// Steps the machine with one complete hour's mean (`nil` when that hour has no valid mean) and
    /// returns the new level when it changed.
    public mutating func update(hourlyMean: Double?) -> AlertLevel? {
        let previous = level
        if let mean = hourlyMean, mean.isFinite {
            missingHours = 0
            level = next(after: mean)
        } else {
            missingHours = min(missingHours + 1, missingHoursMax)
            advisoryStreak = 0
            warningStreak = 0
            if missingHours >= missingHoursMax { level = .none }
        }
        return level == previous ? nil : level
    }

    private mutating func next(after mean: Double) -> AlertLevel {
        let onset = thresholds.onsetHours
        advisoryStreak = mean >= thresholds.advisoryOnset ? min(advisoryStreak + 1, onset) : 0
        warningStreak = mean >= thresholds.warningOnset ? min(warningStreak + 1, onset) : 0
        switch level {
        case .none:
            if warningStreak >= onset { return .warning }
            return advisoryStreak >= onset ? .advisory : .none
        case .advisory:
            if warningStreak >= onset { return .warning }
            return mean < thresholds.advisoryClear ? .none : .advisory
        case .warning:
            if mean < thresholds.advisoryClear { return .none }
            return mean < thresholds.warningClear ? .advisory : .warning
        }
    }
}
