public import PoleCore
import PoleDrivers
public import PoleHAL

/// Polls a BH1750 light sensor once a second and keeps the latest reading for the loop.
///
/// On the simulated board it runs in lock-step with virtual time on the loop's thread (the simulated
/// bus answers at once), so a simulation stays deterministic. A failed transfer stops the sensor;
/// the next poll starts it again, so a sensor that comes back is used again.
public struct LuxPoller<Bus: I2CBus> {
    private var driver: BH1750<Bus>
    private var nextPollMs: Int64 = 0
    /// The latest reading, `nil` before the first.
    public private(set) var reading: SensorReading?
    /// The sensor's health as polling found it.
    public private(set) var health = SensorHealth()

    static var periodMs: Int64 { 1_000 }

    public init(bus: Bus, address: I2CAddress) {
        driver = BH1750(bus: bus, address: address)
    }

    /// Polls if due at `nowMs` and returns the latest reading.
    public mutating func poll(nowMs: Int64) -> SensorReading? {
        guard nowMs >= nextPollMs else { return reading }
        nextPollMs = nowMs + Self.periodMs
        do {
            if driver.state == .stopped { try driver.start(nowMs: nowMs) }
            switch try driver.read(nowMs: nowMs) {
            case .lux(let lux):
                reading = .value(lux)
                health.sampled(atMs: nowMs)
            case .notReady(let readyAtMs): nextPollMs = readyAtMs
            }
        } catch {
            reading = .failed(error.kind.name)
            health.failed(error.kind.name)
        }
        return reading
    }
}
