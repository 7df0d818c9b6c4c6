/// A piecewise-linear index over concentration bands, the shape of both the Korean CAI and the US AQI.
///
/// Exists so both indices (and the Korean grades, which are the CAI's bands) share one tested
/// interpolation and one truncation rule. A concentration is first truncated to the table's resolution
/// (whole µg/m³, or tenths), so every value falls in exactly one band: 15.9 is 15, never in the gap
/// between one band's upper breakpoint (15) and the next one's lower breakpoint (16).
struct IndexScale: Sendable {
    /// One band: breakpoints in steps of the resolution, and the index range they map to.
    struct Band: Sendable {
        let concentrationLowSteps: Int
        let concentrationHighSteps: Int
        let indexLow: Int
        let indexHigh: Int
    }

    /// A value this close below a step (in steps) counts as that step: 35.3 stored in binary floating
    /// point (35.299999237… from a sensor's `Float`) truncates to 35.3, the decimal it stands for.
    static let toleranceSteps = 0.001

    /// Concentrations are clamped to this before truncation, far above any band, so the step count
    /// always fits in an `Int`.
    static let concentrationCeiling = 1_000_000.0

    /// Steps per µg/m³: 1 truncates to whole µg/m³, 10 to tenths.
    let stepsPerUnit: Int
    let bands: [Band]

    /// Builds a scale from contiguous bands written in µg/m³, lowest first.
    init(stepsPerUnit: Int, bands table: [(concentration: ClosedRange<Double>, index: ClosedRange<Int>)]) {
        precondition(stepsPerUnit >= 1, "resolution below one step per µg/m³")
        precondition(!table.isEmpty, "a scale needs at least one band")
        self.stepsPerUnit = stepsPerUnit
        bands = table.map { row in
            Band(
                concentrationLowSteps: Int((row.concentration.lowerBound * Double(stepsPerUnit)).rounded()),
                concentrationHighSteps: Int((row.concentration.upperBound * Double(stepsPerUnit)).rounded()),
                indexLow: row.index.lowerBound,
                indexHigh: row.index.upperBound
            )
        }
        precondition(bands[0].concentrationLowSteps == 0, "the first band must start at zero")
        for (lower, upper) in zip(bands, bands.dropFirst()) {
            precondition(upper.concentrationLowSteps == lower.concentrationHighSteps + 1, "bands must be contiguous")
            precondition(upper.indexLow == lower.indexHigh + 1, "index ranges must be contiguous")
        }
    }

    /// The concentration truncated to whole steps; negative values count as zero.
    func steps(_ concentration: Double) -> Int {
        precondition(!concentration.isNaN, "concentration is NaN")
        let clamped = min(max(concentration, 0), Self.concentrationCeiling)
        return Int((clamped * Double(stepsPerUnit) + Self.toleranceSteps).rounded(.down))
    }

    /// The concentration truncated to the table's resolution, in µg/m³: the value the index is
    /// computed from, and the one a record shows beside it.
    func truncated(_ concentration: Double) -> Double {
        Double(steps(concentration)) / Double(stepsPerUnit)
    }

    /// The position of the band holding the concentration; the top band for values above it.
    func bandPosition(_ concentration: Double) -> Int {
        let truncated = steps(concentration)
        return bands.firstIndex { truncated <= $0.concentrationHighSteps } ?? bands.count - 1
    }

    /// The index, rounded to the nearest integer (halves away from zero); the top of the scale above
    /// the top band.
    func index(_ concentration: Double) -> Int {
        let truncated = steps(concentration)
        let band = bands[bandPosition(concentration)]
        guard truncated <= band.concentrationHighSteps else { return band.indexHigh }
        let slope = Double(band.indexHigh - band.indexLow)
            / Double(band.concentrationHighSteps - band.concentrationLowSteps)
        return Int((slope * Double(truncated - band.concentrationLowSteps) + Double(band.indexLow)).rounded())
    }
}
