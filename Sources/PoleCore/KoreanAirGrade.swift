/// The Korean four-step particulate grade (좋음 good, 보통 moderate, 나쁨 bad, 매우나쁨 very bad).
///
/// Exists because this grade, not a number, is what the pole's indicator lamps show passers-by.
///
/// Bands (µg/m³): PM10 0–30 / 31–80 / 81–150 / ≥ 151; PM2.5 0–15 / 16–35 / 36–75 / ≥ 76. When the two
/// pollutants differ, the worse grade stands.
///
/// Band edges: a concentration is truncated to whole µg/m³ first, as Korean reporting publishes them,
/// so 15.4 and 15.6 are both 15 (good) and 16.0 is moderate; equivalently a value is in a band while it
/// is below the next band's lower breakpoint. This is the same rule the CAI uses, so a grade always
/// agrees with the CAI band (0–50, 51–100, 101–250, 251–500). Negative concentrations count as zero.
public enum KoreanAirGrade: Int, Sendable, Hashable, CaseIterable, Comparable {
    case good
    case moderate
    case bad
    case veryBad

    /// The grade of one pollutant at a concentration in µg/m³ (not NaN).
    public init(_ pollutant: Pollutant, concentration: Double) {
        let position = KoreanCAI.scale(pollutant).bandPosition(concentration)
        guard let grade = KoreanAirGrade(rawValue: position) else {
            preconditionFailure("CAI band \(position) has no grade")
        }
        self = grade
    }

    /// The worse grade of the concentrations present; `nil` when neither is known.
    public init?(pm2_5: Double?, pm10: Double?) {
        let fine = pm2_5.map { KoreanAirGrade(.pm2_5, concentration: $0) }
        let coarse = pm10.map { KoreanAirGrade(.pm10, concentration: $0) }
        switch (fine, coarse) {
        case (nil, nil): return nil
        case (let grade?, nil), (nil, let grade?): self = grade
        case (let fine?, let coarse?): self = max(fine, coarse)
        }
    }

    public static func < (lhs: KoreanAirGrade, rhs: KoreanAirGrade) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The name used in traces and the control protocol.
    public var name: String {
        switch self {
        case .good: "good"
        case .moderate: "moderate"
        case .bad: "bad"
        case .veryBad: "very-bad"
        }
    }

    /// The indicator lamp that shows this grade.
    public var indication: AirIndication {
        switch self {
        case .good: .good
        case .moderate: .moderate
        case .bad: .bad
        case .veryBad: .veryBad
        }
    }
}
