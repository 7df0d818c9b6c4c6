import PoleCore
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
        let (inputRoles, outputRoles) = board.rolesInOpeningOrder
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
        var io = PoleIO(
            inputLines: inputs, outputLines: outputs, inputRoles: inputRoles, outputRoles: outputRoles,
            presenceZones: board.presenceZones
        )
        io.unnamedChipLabel = SimLines.chipLabel
        return io
    }

    /// The line names of the floor outputs, for the invariant monitor, when the board has a crosswalk.
    public static func floorLines(_ configuration: PoleConfiguration) -> (red: String, green: String)? {
        guard let red = configuration.board.binding(.floorRed)?.line,
              let green = configuration.board.binding(.floorGreen)?.line
        else { return nil }
        return (red, green)
    }
}
