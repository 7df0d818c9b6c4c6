/// The security lamp's level: off by day; at night the idle level, full on motion for the hold
/// time, with ramps between them; 100 % when night cannot be decided (fail lit, invariant 8).
///
/// Levels ramp linearly in time from the level at the moment a ramp starts, so a person arriving
/// during a ramp-down turns it straight back up. Night levels never go below the night floor.
struct MotionDimmer: Sendable {
    var settings: LampSettings
    private var motionUntilMs: Int64?
    /// The level in millionths of full, so slow ramps still move every tick.
    private var levelPpm = 0
    private var lastMs: Int64?

    init(settings: LampSettings) {
        self.settings = settings
    }

    /// The lamp level this tick, percent.
    /// `idleOverride` replaces the idle level (a calendar rule); `forcedOff` turns the lamp off.
    mutating func update(
        night: Bool, nightDecided: Bool, motion: Bool, nowMs: Int64, idleOverride: Int? = nil, forcedOff: Bool = false
    ) -> Int {
        let elapsedMs = lastMs.map { nowMs - $0 } ?? 0
        let first = lastMs == nil
        lastMs = nowMs
        if motion { motionUntilMs = nowMs + settings.motionHoldMs }
        guard nightDecided else {
            levelPpm = 1_000_000
            return 100
        }
        guard night, !forcedOff else {
            levelPpm = 0
            return 0
        }
        let moving = motionUntilMs.map { nowMs < $0 } ?? false
        let floor = max(idleOverride ?? settings.idleLevelPercent, settings.nightFloorPercent)
        let targetPpm = (moving ? max(settings.fullLevelPercent, floor) : floor) * 10_000
        if first {
            levelPpm = targetPpm
        } else if targetPpm > levelPpm {
            levelPpm = min(targetPpm, levelPpm + step(elapsedMs, over: settings.rampUpMs))
        } else if targetPpm < levelPpm {
            levelPpm = max(targetPpm, levelPpm - step(elapsedMs, over: settings.rampDownMs))
        }
        levelPpm = max(levelPpm, settings.nightFloorPercent * 10_000)
        return (levelPpm + 5_000) / 10_000
    }

    /// How far a full 0–100 % ramp of `rampMs` moves in `elapsedMs`, in millionths; instant without a ramp.
    private func step(_ elapsedMs: Int64, over rampMs: Int64) -> Int {
        guard rampMs > 0, elapsedMs < rampMs else { return 1_000_000 }
        return Int(max(elapsedMs, 0) * 1_000_000 / rampMs)
    }
}
