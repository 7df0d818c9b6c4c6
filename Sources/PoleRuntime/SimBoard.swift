public import PoleCore
public import PoleConfig
public import PoleHAL
public import PoleSim

/// Opens a simulated board: the board file's lines on the simulated chip, its sensors on the street's bus.
public enum SimBoard {
    /// Opens every bound line by name (outputs at their safe levels) and attaches the I²C sensors.
    public static func open(
        _ configuration: PoleConfiguration, street: Street
    ) throws(HALError) -> PoleIO<SimInputLines, SimOutputLines> {
        let board = configuration.board
        let (inputRoles, outputRoles) = PoleIO<SimInputLines, SimOutputLines>.roles(of: board)
        let inputs = try SimInputLines(street: street, lines: inputRoles.compactMap { board.binding($0)?.line })
        let outputBindings = outputRoles.compactMap { board.binding($0) }
        let outputs = try SimOutputLines(
            street: street, lines: outputBindings.map(\.line),
            safeLevels: outputBindings.map { LineLevel(asserted: $0.safeOn) }
        )
        for device in board.i2c {
            let address = I2CAddress(device.address)
            switch device.sensor {
            case .sps30: street.attach(SimI2CDevice(model: .sps30, address: address), role: device.role)
            case .bh1750: street.attach(SimI2CDevice(model: .bh1750, address: address), role: device.role)
            case .pmsa003i: street.attach(SimI2CDevice(model: .pmsa003i, address: address), role: device.role)
            }
        }
        return PoleIO(
            inputLines: inputs, outputLines: outputs, inputRoles: inputRoles, outputRoles: outputRoles,
            presenceZones: board.presenceZones
        )
    }

    /// A poller for the board's BH1750 on the simulated bus, if the board has one.
    public static func luxPoller(_ configuration: PoleConfiguration, street: Street) -> LuxPoller<SimI2CBus>? {
        guard let device = configuration.board.i2c.first(where: { $0.role == "lux" && $0.sensor == .bh1750 }) else { return nil }
        return LuxPoller(bus: SimI2CBus(street: street), address: I2CAddress(device.address))
    }

    /// A poller for the board's particulate sensor on the simulated bus, if the board has one.
    public static func particulatePoller(
        _ configuration: PoleConfiguration, street: Street
    ) -> (any SensorPolling<ParticulateReading>)? {
        guard let device = configuration.board.i2c.first(where: { $0.role == "pm" }) else { return nil }
        let bus = SimI2CBus(street: street)
        let address = I2CAddress(device.address)
        switch device.sensor {
        case .pmsa003i: return PMSA003IPoller(bus: bus, address: address)
        default: return ParticulatePoller(bus: bus, address: address)
        }
    }

    /// The line names of the floor outputs, for the invariant monitor, when the board has a crosswalk.
    public static func floorLines(_ configuration: PoleConfiguration) -> (red: String, green: String)? {
        guard let red = configuration.board.binding(.floorRed)?.line,
              let green = configuration.board.binding(.floorGreen)?.line
        else { return nil }
        return (red, green)
    }
}
