public import PoleCore

/// A sensor poller the loop or a background queue calls as often as it likes: it polls the bus
/// only when due and always returns the latest reading.
public protocol SensorPolling<Reading> {
    associatedtype Reading: Sendable

    mutating func poll(nowMs: Int64) -> Reading?

    /// The sensor's health as polling found it.
    var health: SensorHealth { get }

    /// Asks for the sensor's fan cleaning at the next poll, or says why it has none.
    mutating func requestCleaning() -> CommandOutcome
}

extension SensorPolling {
    public mutating func requestCleaning() -> CommandOutcome {
        .refused("this sensor has no fan cleaning")
    }
}

extension LuxPoller: SensorPolling {}
extension ParticulatePoller: SensorPolling {}
extension PMSA003IPoller: SensorPolling {}
