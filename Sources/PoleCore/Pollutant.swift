/// A particulate fraction that the pole's grades, indices and alerts are defined for.
///
/// Exists so that a value, not a pair of look-alike functions, picks the table: Korean grades, the CAI,
/// the US AQI and the alert thresholds all differ between PM2.5 and PM10.
public enum Pollutant: Sendable, Hashable, CaseIterable {
    /// Fine particles, 2.5 µm and smaller (초미세먼지).
    case pm2_5
    /// Particles 10 µm and smaller, fine ones included (미세먼지).
    case pm10

    /// The name used in traces and the control protocol.
    public var name: String {
        switch self {
        case .pm2_5: "pm2_5"
        case .pm10: "pm10"
        }
    }
}
