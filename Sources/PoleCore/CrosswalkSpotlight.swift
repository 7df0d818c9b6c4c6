/// The crosswalk spotlight: off by day; at night a base level, boosted while anyone is present and
/// for the hold time after, so a pedestrian on the crossing is seen by drivers.
struct CrosswalkSpotlight: Sendable {
    var basePercent: Int
    var boostPercent: Int
    var holdMs: Int64
    private var boostUntilMs: Int64?

    init(settings: CrosswalkSettings) {
        basePercent = settings.spotlightNightBasePercent
        boostPercent = settings.spotlightBoostPercent
        holdMs = settings.spotlightBoostHoldMs
    }

    /// The spotlight level this tick, percent.
    mutating func update(night: Bool, anyonePresent: Bool, nowMs: Int64) -> Int {
        if anyonePresent { boostUntilMs = nowMs + holdMs }
        guard night else { return 0 }
        if let until = boostUntilMs, nowMs < until { return boostPercent }
        return basePercent
    }
}
