/// The dust-response actuator (misting, a purifier): switched by the grade with hysteresis and
/// minimum times so it never chatters, capped per day, and off while the sensor is unhealthy.
public struct MistSettings: Sendable, Hashable {
    /// On at this grade or worse.
    public var onAtGrade: KoreanAirGrade
    /// Off again at this grade or better (below `onAtGrade`: the hysteresis).
    public var offAtGrade: KoreanAirGrade
    public var minimumOnMs: Int64
    public var minimumOffMs: Int64
    /// At most this much running per local day (water, noise).
    public var dailyRunLimitMs: Int64

    public init(
        onAtGrade: KoreanAirGrade = .bad, offAtGrade: KoreanAirGrade = .moderate, minimumOnMs: Int64 = 600_000,
        minimumOffMs: Int64 = 600_000, dailyRunLimitMs: Int64 = 4 * 3_600_000
    ) {
        precondition(offAtGrade < onAtGrade, "the off grade is better than the on grade")
        self.onAtGrade = onAtGrade
        self.offAtGrade = offAtGrade
        self.minimumOnMs = minimumOnMs
        self.minimumOffMs = minimumOffMs
        self.dailyRunLimitMs = dailyRunLimitMs
    }
}
