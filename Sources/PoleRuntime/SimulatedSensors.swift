import PoleConfig
import PoleCore
import PoleHAL
import PoleSensing
import PoleSim

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
