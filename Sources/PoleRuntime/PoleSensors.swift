import PoleCore
import PoleSensing

/// The pole's I²C sensors as the control loop sees them: the latest readings, their health, and the
/// one maintenance action a technician can ask of them (fan cleaning).
///
/// Exists so the loop is the same whether the sensors are polled in lock-step on the simulated bus
/// or on background queues on a real board.
protocol PoleSensors {
    mutating func lux(nowMs: Int64) -> SensorReading?
    mutating func particulates(nowMs: Int64) -> ParticulateReading?
    /// Each sensor's health, by role (`pm`, `lux`).
    func health(role: String) -> SensorHealth?
    /// Starts the particulate sensor's fan cleaning, or says why it cannot.
    mutating func cleanParticulateSensor() -> CommandOutcome
}
