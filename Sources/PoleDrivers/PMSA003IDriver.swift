public import PoleHAL

/// The Plantower PMSA003I on I²C: one plain 32-byte read per poll, decoded.
///
/// Exists to keep the poller sensor-agnostic: the sensor takes no commands and measures continuously,
/// so a poll is `START 0x12+R b[0] … b[31] NACK STOP`. A rejected frame or a failed transfer is a
/// `SensorError`, never a value. Right after power-up the sensor may be absent from the bus (NACK) and
/// needs about 30 s before its values settle; that policy is the poller's.
public struct PMSA003IDriver<Bus: I2CBus> {
    public let address: I2CAddress
    private var bus: Bus

    public init(bus: Bus, address: I2CAddress = I2CAddress(PMSA003IFrame.address)) {
        self.bus = bus
        self.address = address
    }

    /// Reads and decodes one frame.
    public mutating func read() throws(SensorError) -> PMSA003IFrame.Reading {
        let bytes: [UInt8]
        do {
            bytes = try bus.read(address: address, count: PMSA003IFrame.length)
        } catch {
            throw .bus(error)
        }
        switch PMSA003IFrame.decode(bytes) {
        case .success(let reading): return reading
        case .failure(let error): throw .pmsa003iFrame(error)
        }
    }
}

extension PMSA003IDriver: Sendable where Bus: Sendable {}
