public import PoleCore
import PoleDrivers
public import PoleHAL

/// Polls an SPS30 once a second, and keeps it healthy (issue: air).
///
/// Start: read the serial number and firmware version (shown by `polectl sensors`), start the
/// measurement in float format, and use no value for the warm-up (10 s: the datasheet's 8 s start-up
/// time at street concentrations, rounded up). Then each second: data-ready, then the values; every
/// minute the status register (read with 0xD206, then cleared with 0xD210 when a flag is set, so a
/// sticky flag reports again only if its cause comes back), whose fan and laser faults make the
/// sensor unhealthy and whose fan-speed warning is shown as a flag; and the same frame 300 times
/// running (5 min; the float output's low bits always move in real air) is a stuck sensor. Every failure
/// goes up the `RecoveryLadder`: retries after 1, 2 and 4 s without touching the sensor, then a
/// reset and a new start, then failed, reset and started again once a minute. A failure is always
/// reported as such; a CRC error is an error, never a value. On the simulated board it runs in
/// lock-step with virtual time on the loop's thread.
public struct ParticulatePoller<Bus: I2CBus> {
    private enum Phase {
        case resetting, identifying, starting, measuring
    }

    private var driver: SPS30Driver<Bus>
    private var phase = Phase.identifying
    private var ladder = RecoveryLadder(canReset: true)
    private var nextActionMs: Int64 = 0
    private var warmUpUntilMs: Int64 = 0
    private var nextStatusMs: Int64 = 0
    private var statusRequested = false
    private var notReadySinceMs: Int64?
    private var lastValues: SPS30Frame.MeasuredValues?
    private var sameValuesCount = 0
    private var cleaningRequested = false
    /// The latest reading, `nil` before the first.
    public private(set) var reading: ParticulateReading?
    /// The sensor's health as polling found it.
    public private(set) var health = SensorHealth()

    static var periodMs: Int64 { 1_000 }
    /// No value is used for this long after a measurement starts.
    static var warmUpMs: Int64 { 10_000 }
    /// How often the status register is read.
    static var statusPeriodMs: Int64 { 60_000 }
    /// Data not ready for this long while measuring is a failure.
    static var notReadyLimitMs: Int64 { 3_000 }
    /// Identical frames in a row that make a stuck sensor.
    static var stuckAfterSamples: Int { 300 }
    /// The fan runs at full speed this long when cleaning (SPS30 datasheet §4.1); no values meanwhile.
    static var cleaningMs: Int64 { 10_000 }

    public init(bus: Bus, address: I2CAddress) {
        driver = SPS30Driver(bus: bus, address: address)
    }

    /// Polls if due at `nowMs` and returns the latest reading.
    public mutating func poll(nowMs: Int64) -> ParticulateReading? {
        guard nowMs >= nextActionMs, nowMs >= driver.readyAtMs else { return reading }
        do throws(SensorError) {
            if let problem = try step(nowMs: nowMs) { fail(problem, nowMs: nowMs) }
        } catch {
            fail(error.name, nowMs: nowMs)
        }
        return reading
    }

    /// Asks for a fan cleaning at the next poll (once the measurement is running).
    public mutating func requestCleaning() -> CommandOutcome {
        cleaningRequested = true
        return .done(SPS30Cleaning.accepted)
    }

    /// One step of the sensor's life; at most one command that needs the sensor's execution time.
    /// Returns the name of a failure that is not a transfer's (`not-ready`, `stuck`, `fan`, `laser`).
    private mutating func step(nowMs: Int64) throws(SensorError) -> String? {
        switch phase {
        case .resetting:
            nextActionMs = try driver.reset(nowMs: nowMs)
            phase = .identifying
        case .identifying:
            health.state = .starting
            health.serial = try driver.readSerialNumber(nowMs: nowMs)
            health.firmware = try driver.readFirmwareVersion(nowMs: nowMs).description
            phase = .starting
        case .starting:
            nextActionMs = try driver.startMeasurement(nowMs: nowMs)
            warmUpUntilMs = nextActionMs + Self.warmUpMs
            nextStatusMs = warmUpUntilMs
            notReadySinceMs = nil
            health.state = .warmingUp
            phase = .measuring
        case .measuring:
            return try measure(nowMs: nowMs)
        }
        return nil
    }

    private mutating func measure(nowMs: Int64) throws(SensorError) -> String? {
        if cleaningRequested {
            cleaningRequested = false
            _ = try driver.startFanCleaning(nowMs: nowMs)
            health.cleaningUntilMs = nowMs + Self.cleaningMs
            nextActionMs = nowMs + Self.cleaningMs
            return nil
        }
        if nowMs >= nextStatusMs {
            if !statusRequested {
                nextActionMs = try driver.requestStatus(nowMs: nowMs)
                statusRequested = true
                return nil
            }
            statusRequested = false
            nextStatusMs = nowMs + Self.statusPeriodMs
            let status = try driver.readStatus(nowMs: nowMs)
            let fault = record(status)
            if !status.isEmpty {
                nextActionMs = try driver.clearStatus(nowMs: nowMs)
                return fault
            }
        }
        guard try driver.readDataReady(nowMs: nowMs) else {
            let since = notReadySinceMs ?? nowMs
            notReadySinceMs = since
            if nowMs - since >= Self.notReadyLimitMs { return "not-ready" }
            nextActionMs = nowMs + Self.periodMs / 4
            return nil
        }
        notReadySinceMs = nil
        let values = try driver.readMeasuredValues(nowMs: nowMs)
        nextActionMs = nowMs + Self.periodMs
        sameValuesCount = values == lastValues ? sameValuesCount + 1 : 0
        lastValues = values
        if sameValuesCount >= Self.stuckAfterSamples { return "stuck" }
        guard nowMs >= warmUpUntilMs, nowMs >= health.cleaningUntilMs ?? 0 else { return nil }
        reading = .sample(pm1: Double(values.pm1), pm2_5: Double(values.pm2_5), pm10: Double(values.pm10), atMs: nowMs)
        health.sampled(atMs: nowMs)
        ladder.succeeded()
        return nil
    }

    /// Shows the status register's flags; returns the fault that makes the sensor unhealthy (fan
    /// stopped, laser out of range), if any. A fan-speed warning is only a flag.
    private mutating func record(_ status: SPS30Status) -> String? {
        var flags: [String] = []
        if status.contains(.fanSpeedOutOfRange) { flags.append("fan-speed") }
        if status.contains(.laserCurrentOutOfRange) { flags.append("laser") }
        if status.contains(.fanStopped) { flags.append("fan") }
        health.flags = flags
        if status.contains(.fanStopped) { return "fan" }
        if status.contains(.laserCurrentOutOfRange) { return "laser" }
        return nil
    }

    private mutating func fail(_ kind: String, nowMs: Int64) {
        reading = .failed(kind)
        health.failed(kind)
        statusRequested = false
        switch ladder.failed() {
        case .retry(let afterMs):
            nextActionMs = nowMs + afterMs
        case .reset:
            phase = .resetting
            nextActionMs = nowMs
        case .retrySlowly(let afterMs):
            health.state = .failed
            phase = .resetting
            nextActionMs = nowMs + afterMs
        }
        if phase == .resetting {
            lastValues = nil
            sameValuesCount = 0
        }
    }
}
