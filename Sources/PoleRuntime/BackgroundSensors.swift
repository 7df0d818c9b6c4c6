import Logging
import PoleConfig
import PoleCore
import PoleHAL
import PoleLinux
import PoleSensing

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
        return .done(SPS30Cleaning.accepted)
    }
}
