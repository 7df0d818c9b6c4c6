public import PoleCore
import PoleDrivers
public import PoleHAL

/// Polls an SPS30 once a second: starts the measurement, waits for data-ready, reads the values.
///
/// A failed transfer or a corrupt frame reports the sensor failing (a CRC error is an error, never a
/// value) and restarts the measurement after a 5 s back-off, so a sensor that comes back is used
/// again. On the simulated board it runs in lock-step with virtual time on the loop's thread.
public struct ParticulatePoller<Bus: I2CBus> {
    private var driver: SPS30Driver<Bus>
    private let bus: Bus
    private let address: I2CAddress
    private var nextPollMs: Int64 = 0
    /// The latest reading, `nil` before the first.
    public private(set) var reading: ParticulateReading?
    /// The sensor's health as polling found it.
    public private(set) var health = SensorHealth()

    private var cleaningRequested = false

    static var periodMs: Int64 { 1_000 }
    static var backoffMs: Int64 { 5_000 }
    /// The fan runs at full speed this long when cleaning (SPS30 datasheet §4.1); no values meanwhile.
    static var cleaningMs: Int64 { 10_000 }
    /// What a technician is told when a cleaning is accepted.
    static var cleaningAnswer: String { "fan cleaning requested: the SPS30 runs its fan at full speed for 10 s and reports no values meanwhile" }

    public init(bus: Bus, address: I2CAddress) {
        self.bus = bus
        self.address = address
        driver = SPS30Driver(bus: bus, address: address)
    }

    /// Polls if due at `nowMs` and returns the latest reading.
    public mutating func poll(nowMs: Int64) -> ParticulateReading? {
        guard nowMs >= nextPollMs, nowMs >= driver.readyAtMs else { return reading }
        nextPollMs = nowMs + Self.periodMs
        do throws(SensorError) {
            if !driver.isMeasuring {
                nextPollMs = try driver.startMeasurement(nowMs: nowMs)
                return reading
            }
            if cleaningRequested {
                cleaningRequested = false
                _ = try driver.startFanCleaning(nowMs: nowMs)
                health.cleaningUntilMs = nowMs + Self.cleaningMs
                nextPollMs = nowMs + Self.cleaningMs
                return reading
            }
            guard try driver.readDataReady(nowMs: nowMs) else { return reading }
            let values = try driver.readMeasuredValues(nowMs: nowMs)
            reading = .sample(pm1: Double(values.pm1), pm2_5: Double(values.pm2_5), pm10: Double(values.pm10), atMs: nowMs)
            health.sampled(atMs: nowMs)
        } catch {
            reading = .failed(error.name)
            health.failed(error.name)
            driver = SPS30Driver(bus: bus, address: address)
            nextPollMs = nowMs + Self.backoffMs
        }
        return reading
    }

    /// Asks for a fan cleaning at the next poll (once the measurement is running).
    public mutating func requestCleaning() -> CommandOutcome {
        cleaningRequested = true
        return .done(Self.cleaningAnswer)
    }
}
