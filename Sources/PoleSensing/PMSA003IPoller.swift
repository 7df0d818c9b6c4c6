public import PoleCore
import PoleDrivers
public import PoleHAL

/// Polls a Plantower PMSA003I once a second: one plain 32-byte read, checked by its checksum.
///
/// Plantower gives 30 s after power-up before data are stable, and the pole cannot tell whether the
/// sensor has just been powered, so the first 30 s after the first good frame give no value. A
/// failure is reported as such (a bad checksum is an error, never a value) and goes up the
/// `RecoveryLadder`: retries after 1, 2 and 4 s, then failed and tried once a minute (the sensor has
/// no reset command over I²C, only its RESET pin). Its integer µg/m³ repeat in steady air, so a
/// stuck sensor cannot be told from clean air and is not judged.
public struct PMSA003IPoller<Bus: I2CBus> {
    private var driver: PMSA003IDriver<Bus>
    private var ladder = RecoveryLadder(canReset: false)
    private var nextPollMs: Int64 = 0
    private var warmUpUntilMs: Int64?
    /// The latest reading, `nil` before the first.
    public private(set) var reading: ParticulateReading?
    /// The sensor's health as polling found it.
    public private(set) var health = SensorHealth()

    /// No value is used for this long after the first good frame.
    static var warmUpMs: Int64 { 30_000 }

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
            let warmUpUntil = warmUpUntilMs ?? nowMs + Self.warmUpMs
            warmUpUntilMs = warmUpUntil
            guard nowMs >= warmUpUntil else {
                health.state = .warmingUp
                return reading
            }
            reading = .sample(pm1: Double(frame.pm1), pm2_5: Double(frame.pm2_5), pm10: Double(frame.pm10), atMs: nowMs)
            health.sampled(atMs: nowMs)
            ladder.succeeded()
        } catch {
            reading = .failed(error.name)
            health.failed(error.name)
            switch ladder.failed() {
            case .retry(let afterMs): nextPollMs = nowMs + afterMs
            case .reset, .retrySlowly:
                health.state = .failed
                nextPollMs = nowMs + RecoveryLadder.slowRetryMs
            }
        }
        return reading
    }
}
