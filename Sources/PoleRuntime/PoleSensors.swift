import Logging
import PoleConfig
import PoleCore
import PoleHAL
import PoleLinux
import PoleSim

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

/// Sensors on the simulated bus, polled on the loop's thread in step with (virtual) time.
///
/// The particulate sensor is held as its concrete poller (one of the two is set), not as an
/// existential: a simulation polls it every tick.
struct SimulatedSensors: PoleSensors {
    private var luxPoller: LuxPoller<SimI2CBus>?
    private var sps30: ParticulatePoller<SimI2CBus>?
    private var pmsa003i: PMSA003IPoller<SimI2CBus>?

    init(_ configuration: PoleConfiguration, street: Street) {
        let bus = SimI2CBus(street: street)
        if let device = configuration.board.i2c.first(where: { $0.role == "lux" && $0.sensor == .bh1750 }) {
            luxPoller = LuxPoller(bus: bus, address: I2CAddress(device.address))
        }
        if let device = configuration.board.i2c.first(where: { $0.role == "pm" }) {
            switch device.sensor {
            case .pmsa003i: pmsa003i = PMSA003IPoller(bus: bus, address: I2CAddress(device.address))
            default: sps30 = ParticulatePoller(bus: bus, address: I2CAddress(device.address))
            }
        }
    }

    mutating func lux(nowMs: Int64) -> SensorReading? { luxPoller?.poll(nowMs: nowMs) }

    mutating func particulates(nowMs: Int64) -> ParticulateReading? {
        if sps30 != nil { return sps30?.poll(nowMs: nowMs) }
        return pmsa003i?.poll(nowMs: nowMs)
    }

    func health(role: String) -> SensorHealth? {
        switch role {
        case "lux": luxPoller?.health
        case "pm": sps30?.health ?? pmsa003i?.health
        default: nil
        }
    }

    mutating func cleanParticulateSensor() -> CommandOutcome {
        if sps30 != nil { return sps30?.requestCleaning() ?? .refused("this pole has no particulate sensor") }
        return pmsa003i?.requestCleaning() ?? .refused("this pole has no particulate sensor")
    }
}

/// A real board's sensors, each polled on its own background queue.
struct BackgroundSensors: PoleSensors {
    private let luxPoller: BackgroundSensorPoller<SensorReading>?
    private let particulatePoller: BackgroundSensorPoller<ParticulateReading>?
    private let particulateKind: BoardConfig.SensorKind?

    init(_ configuration: PoleConfiguration, logger: Logger) {
        particulateKind = configuration.board.i2c.first { $0.role == "pm" }?.sensor
        luxPoller = configuration.board.i2c.first { $0.role == "lux" && $0.sensor == .bh1750 }.map { device in
            BackgroundSensorPoller(
                label: "poled.sensor.lux", path: device.bus, clock: SystemMonotonicClock(), logger: logger, failure: SensorReading.failed
            ) { bus -> any SensorPolling<SensorReading> in LuxPoller(bus: bus, address: I2CAddress(device.address)) }
        }
        particulatePoller = configuration.board.i2c.first { $0.role == "pm" }.map { device in
            BackgroundSensorPoller(
                label: "poled.sensor.pm", path: device.bus, clock: SystemMonotonicClock(), logger: logger, failure: ParticulateReading.failed
            ) { bus -> any SensorPolling<ParticulateReading> in
                device.sensor == .pmsa003i
                    ? PMSA003IPoller(bus: bus, address: I2CAddress(device.address))
                    : ParticulatePoller(bus: bus, address: I2CAddress(device.address))
            }
        }
    }

    func lux(nowMs _: Int64) -> SensorReading? { luxPoller?.reading }
    func particulates(nowMs _: Int64) -> ParticulateReading? { particulatePoller?.reading }

    func health(role: String) -> SensorHealth? {
        role == "lux" ? luxPoller?.health : role == "pm" ? particulatePoller?.health : nil
    }

    func cleanParticulateSensor() -> CommandOutcome {
        guard let particulatePoller, let kind = particulateKind else { return .refused("this pole has no particulate sensor") }
        guard kind == .sps30 else { return .refused("the \(kind.rawValue) has no fan cleaning") }
        particulatePoller.requestCleaning()
        return .done(ParticulatePoller<SimI2CBus>.cleaningAnswer)
    }
}
