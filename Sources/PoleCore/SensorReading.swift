/// The latest reading of a polled sensor, as the poller hands it to the core.
public enum SensorReading: Sendable, Hashable {
    /// A fresh value in the sensor's unit.
    case value(Double)
    /// The sensor is failing; the text names the error kind (`nack`, `timeout`, …).
    case failed(String)
}
