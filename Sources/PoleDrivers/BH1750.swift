public import PoleHAL

/// A BH1750 ambient light sensor on an I²C bus, measuring continuously in high-resolution mode.
///
/// Exists so the lux role has one small state machine: `start` powers the sensor on, clears its
/// data register and starts continuous measurement; `read` returns lux once the first measurement
/// can have finished (180 ms, the datasheet maximum), and says when that will be before then.
/// Time comes in as monotonic milliseconds from the caller; nothing here reads a clock or sleeps.
///
/// Bus failures are thrown unchanged as `HALError`, and leave the driver `stopped`: after a NACK
/// the sensor may have lost power and forgotten its mode, so recovery is a new `start` (three
/// one-byte writes), never a blind retry of the read.
public struct BH1750<Bus: I2CBus> {
    /// Where the driver is in bringing up the sensor.
    public enum State: Sendable, Hashable {
        /// Not measuring: never started, or the last start or read failed.
        case stopped
        /// Measurement started; the first result is ready at `readyAtMs`.
        case warmingUp(readyAtMs: Int64)
        /// Measuring continuously; every read returns the latest result.
        case measuring
    }

    /// What a read found.
    public enum Reading: Sendable, Hashable {
        /// The illuminance, in lux.
        case lux(Double)
        /// The first measurement since `start` is not finished; read again at `readyAtMs`.
        case notReady(readyAtMs: Int64)
    }

    /// The longest a high-resolution measurement takes (datasheet: 180 ms maximum, 120 ms typical).
    public static var measurementTimeMsMax: Int64 { 180 }

    /// The bus the sensor is on.
    public private(set) var bus: Bus
    /// The sensor's address.
    public let address: I2CAddress
    /// Where the driver is; `stopped` until `start` succeeds.
    public private(set) var state: State = .stopped

    /// A driver for the sensor at `address` (0x23 with ADDR low, 0x5C with ADDR high) on `bus`.
    public init(bus: Bus, address: I2CAddress = I2CAddress(BH1750Frame.addressPinLow)) {
        self.bus = bus
        self.address = address
    }

    /// Powers the sensor on, clears its data register and starts continuous high-resolution
    /// measurement, at `nowMs` on the caller's monotonic clock:
    ///
    ///     START A+W 0x01 STOP   START A+W 0x07 STOP   START A+W 0x10 STOP
    public mutating func start(nowMs: Int64) throws(HALError) {
        state = .stopped
        for command in [BH1750Command.powerOn, .reset, .continuousHighResolution] {
            try bus.write(address: address, bytes: [command.rawValue])
        }
        state = .warmingUp(readyAtMs: nowMs + Self.measurementTimeMsMax)
    }

    /// The latest measurement at `nowMs`, or when the first one will be ready; touches the bus only
    /// when a result can be there: `START A+R high low NACK STOP`.
    public mutating func read(nowMs: Int64) throws(HALError) -> Reading {
        switch state {
        case .stopped:
            preconditionFailure("BH1750 at \(address) read before a successful start")
        case .warmingUp(let readyAtMs) where nowMs < readyAtMs:
            return .notReady(readyAtMs: readyAtMs)
        case .warmingUp, .measuring:
            break
        }
        let bytes: [UInt8]
        do {
            bytes = try bus.read(address: address, count: BH1750Frame.measurementLength)
        } catch {
            state = .stopped
            throw error
        }
        switch BH1750Frame.decodeLux(bytes) {
        case .success(let lux):
            state = .measuring
            return .lux(lux)
        case .failure(let problem):
            state = .stopped
            throw HALError(.other, context: "bh1750 \(address): \(problem)")
        }
    }
}
