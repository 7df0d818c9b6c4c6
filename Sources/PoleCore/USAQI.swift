/// The US EPA Air Quality Index for particulates, with the 2024 PM2.5 breakpoints.
///
/// Exists for operators and visitors who read the US scale, and for comparison with published AQI maps.
/// The breakpoints are defined for 24-hour means (or a NowCast); what the caller feeds is its choice.
///
/// PM2.5 (µg/m³) 0–9.0, 9.1–35.4, 35.5–55.4, 55.5–125.4, 125.5–225.4, 225.5–325.4 and PM10 0–54, 55–154,
/// 155–254, 255–354, 355–424, 425–604 map to 0–50, 51–100, 101–150, 151–200, 201–300, 301–500.
/// As EPA prescribes, PM2.5 is truncated to 0.1 µg/m³ and PM10 to 1 µg/m³ before the piecewise-linear
/// formula, and the index is rounded to the nearest integer. Concentrations above the top breakpoint
/// give 500 (EPA calls higher values "beyond the AQI"); negative ones count as zero.
public enum USAQI {
    static let pm2_5Scale = IndexScale(stepsPerUnit: 10, bands: [
        (0.0...9.0, 0...50), (9.1...35.4, 51...100), (35.5...55.4, 101...150),
        (55.5...125.4, 151...200), (125.5...225.4, 201...300), (225.5...325.4, 301...500),
    ])

    static let pm10Scale = IndexScale(stepsPerUnit: 1, bands: [
        (0...54, 0...50), (55...154, 51...100), (155...254, 101...150),
        (255...354, 151...200), (355...424, 201...300), (425...604, 301...500),
    ])

    /// The AQI of one pollutant at a concentration in µg/m³ (not NaN).
    public static func index(_ pollutant: Pollutant, concentration: Double) -> Int {
        switch pollutant {
        case .pm2_5: pm2_5Scale.index(concentration)
        case .pm10: pm10Scale.index(concentration)
        }
    }

    /// The reported AQI: the higher of the pollutants present; `nil` when neither concentration is known.
    public static func index(pm2_5: Double?, pm10: Double?) -> Int? {
        let fine = pm2_5.map { index(.pm2_5, concentration: $0) }
        let coarse = pm10.map { index(.pm10, concentration: $0) }
        guard let fine else { return coarse }
        guard let coarse else { return fine }
        return max(fine, coarse)
    }
}
