/// The latest particulate reading the poller handed over: mass concentrations in µg/m³ with the
/// time the sensor produced them, or why the sensor is failing.
public enum ParticulateReading: Sendable, Hashable {
    case sample(pm1: Double, pm2_5: Double, pm10: Double, atMs: Int64)
    /// The sensor is failing; the text names the error kind.
    case failed(String)
}
