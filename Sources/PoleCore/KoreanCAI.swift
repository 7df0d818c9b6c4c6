/// The Korean Comprehensive Air-quality Index (통합대기환경지수, CAI) for particulates.
///
/// Exists because Korean passers-by and operators read air quality on this 0–500 scale. Each pollutant
/// has a sub-index, piecewise linear `I = (I_hi − I_lo)/(BP_hi − BP_lo) × (C − BP_lo) + I_lo` over the
/// bands 0–50, 51–100, 101–250 and 251–500; the CAI is the highest sub-index.
///
/// Breakpoints (µg/m³): PM2.5 0–15, 16–35, 36–75, 76–500; PM10 0–30, 31–80, 81–150, 151–600.
/// Concentrations are truncated to whole µg/m³ first, as Korean reporting publishes them, so the
/// breakpoints have no gaps (15.9 is 15, sub-index 50; 16.0 is 51). The result is rounded to the
/// nearest integer; concentrations above the top breakpoint give 500; negative ones count as zero.
public enum KoreanCAI {
    static let pm2_5Scale = IndexScale(stepsPerUnit: 1, bands: [
        (0...15, 0...50), (16...35, 51...100), (36...75, 101...250), (76...500, 251...500),
    ])

    static let pm10Scale = IndexScale(stepsPerUnit: 1, bands: [
        (0...30, 0...50), (31...80, 51...100), (81...150, 101...250), (151...600, 251...500),
    ])

    static func scale(_ pollutant: Pollutant) -> IndexScale {
        switch pollutant {
        case .pm2_5: pm2_5Scale
        case .pm10: pm10Scale
        }
    }

    /// The sub-index of one pollutant at a concentration in µg/m³ (not NaN).
    public static func subIndex(_ pollutant: Pollutant, concentration: Double) -> Int {
        scale(pollutant).index(concentration)
    }

    /// The pole's CAI: the higher of the sub-indices present; `nil` when neither concentration is known.
    public static func index(pm2_5: Double?, pm10: Double?) -> Int? {
        let fine = pm2_5.map { subIndex(.pm2_5, concentration: $0) }
        let coarse = pm10.map { subIndex(.pm10, concentration: $0) }
        guard let fine else { return coarse }
        guard let coarse else { return fine }
        return max(fine, coarse)
    }
}
