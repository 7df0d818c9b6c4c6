public import PoleCore
import PoleDrivers
public import PoleHAL

/// Polls a Plantower PMSA003I once a second: one plain 32-byte read, checked by its checksum.
///
/// The sensor needs about 30 s after power-up and may be absent from the bus meanwhile; a failure
/// is reported as such (a bad checksum is an error, never a value) and the next poll tries again.
public struct PMSA003IPoller<Bus: I2CBus> {
    private var driver: PMSA003IDriver<Bus>
    private var nextPollMs: Int64 = 0
    /// The latest reading, `nil` before the first.
    public private(set) var reading: ParticulateReading?
    /// The sensor's health as polling found it.
    public private(set) var health = SensorHealth()

    public init(bus: Bus, address: I2CAddress) {
        driver = PMSA003IDriver(bus: bus, address: address)
    }

    /// Polls if due at `nowMs` and returns the latest reading: the environmental ("atmospheric")
    /// concentrations, the ones for outdoor air.
    public mutating func poll(nowMs: Int64) -> ParticulateReading? {
        guard nowMs >= nextPollMs else { return reading }
        nextPollMs = nowMs + 1_000
        do throws(SensorError) {
            let frame = try driver.read().environmental
            reading = .sample(pm1: Double(frame.pm1), pm2_5: Double(frame.pm2_5), pm10: Double(frame.pm10), atMs: nowMs)
            health.sampled(atMs: nowMs)
        } catch {
            reading = .failed(error.name)
            health.failed(error.name)
        }
        return reading
    }
}
