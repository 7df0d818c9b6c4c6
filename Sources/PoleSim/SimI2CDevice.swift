public import PoleHAL
import PoleDrivers

/// A simulated I²C sensor on the simulated bus, answering as the real part does, faults included.
///
/// The SPS30 implements the real command set: a command is a write of its pointer (with arguments
/// for start and the auto-cleaning interval); a read then answers the last command with CRC-framed
/// words (the street's particulate values, its identity, the status register). A pointer it does not
/// know is NACKed, and so is a read with nothing to answer: before any command, or after one that
/// only writes (start, stop, sleep, wake-up, fan cleaning, clear status, reset). The status register
/// holds FAN while a `fan` fault lasts and until 0xD210 clears it. The PMSA003I answers every read
/// with a checksummed 32-byte frame of the street's values; the BH1750 answers two bytes of raw
/// counts (lux × 1.2) once a measurement mode was set, zero before. Injected faults turn transfers
/// into the HAL errors a real bus gives, or corrupt checksums.
public final class SimI2CDevice {
    /// The part being simulated.
    public enum Model: Sendable, Hashable {
        case sps30
        case pmsa003i
        case bh1750
    }

    public let model: Model
    public let address: I2CAddress
    private var fault: I2CFault?
    private var faultUntilMs: Int64?
    private var nextFrame: [UInt8]?
    private var pointer: SPS30Command?
    private var measuring = false
    private var valueReads = 0
    private var fanStoppedFlag = false
    /// The SPS30's auto-cleaning interval in seconds (its factory default: one week).
    private var autoCleaningIntervalSeconds: UInt32 = 604_800

    public init(model: Model, address: I2CAddress) {
        self.model = model
        self.address = address
    }

    func inject(_ fault: I2CFault, untilMs: Int64?) {
        self.fault = fault
        faultUntilMs = untilMs
    }

    func clearFault() {
        fault = nil
        faultUntilMs = nil
    }

    func answerNextRead(with bytes: [UInt8]) {
        nextFrame = bytes
    }

    func transaction(_ operations: [I2COperation], street: Street) throws(HALError) -> [[UInt8]] {
        if let until = faultUntilMs, street.nowMs >= until { clearFault() }
        switch fault {
        case .nack, .absent: throw HALError(.nack(.address), context: "i2c sim \(address)")
        case .timeout: throw HALError(.timeout, context: "i2c sim \(address)")
        case .fan where model == .sps30: fanStoppedFlag = true
        case .crc, .fan, .none: break
        }
        var reads: [[UInt8]] = []
        for operation in operations {
            switch operation {
            case .write(let bytes): try write(bytes)
            case .read(let count): reads.append(try read(count: count, street: street))
            }
        }
        return reads
    }

    private func write(_ bytes: [UInt8]) throws(HALError) {
        switch model {
        case .sps30:
            guard bytes.count >= 2, let command = SPS30Command(rawValue: UInt16(bytes[0]) << 8 | UInt16(bytes[1])) else {
                throw HALError(.nack(.data), context: "i2c sim \(address): not an SPS30 command")
            }
            pointer = command
            switch command {
            case .startMeasurement: measuring = true
            case .stopMeasurement, .sleep: measuring = false
            case .reset:
                measuring = false
                fanStoppedFlag = false
            case .clearDeviceStatus: fanStoppedFlag = fault == .fan
            case .autoCleaningInterval where bytes.count > 2:
                guard case .success(let words) = SPS30Frame.decodeWords(Array(bytes.dropFirst(2))), words.count == 2 else {
                    throw HALError(.nack(.data), context: "i2c sim \(address): bad auto-cleaning interval")
                }
                autoCleaningIntervalSeconds = UInt32(words[0]) << 16 | UInt32(words[1])
            default: break
            }
        case .bh1750:
            measuring = bytes.contains(0x10) || bytes.contains(0x11) || bytes.contains(0x13) || measuring
        case .pmsa003i:
            break
        }
    }

    private func read(count: Int, street: Street) throws(HALError) -> [UInt8] {
        var bytes: [UInt8]
        if let frame = nextFrame {
            bytes = frame
        } else if let answer = answer(street: street) {
            bytes = answer
        } else {
            throw HALError(.nack(.address), context: "i2c sim \(address): nothing to read")
        }
        nextFrame = nil
        if fault == .crc {
            switch model {
            case .pmsa003i where !bytes.isEmpty: bytes[bytes.count - 1] ^= 0xFF
            default: for index in stride(from: 2, to: bytes.count, by: 3) { bytes[index] ^= 0xFF }
            }
        }
        if bytes.count < count { bytes += [UInt8](repeating: 0xFF, count: count - bytes.count) }
        if bytes.count > count { bytes.removeLast(bytes.count - count) }
        return bytes
    }

    /// The answer to a read, `nil` when the device has nothing to answer.
    private func answer(street: Street) -> [UInt8]? {
        switch model {
        case .bh1750:
            guard measuring else { return [0, 0] }
            let counts = UInt16(min(65_535, max(0, (street.lux * 1.2).rounded())))
            return [UInt8(counts >> 8), UInt8(counts & 0xFF)]
        case .sps30:
            return sps30Answer(street: street)
        case .pmsa003i:
            let mass = PMSA003IFrame.MassConcentrations(
                pm1: UInt16(min(65_535, (street.pm2_5 * 0.8).rounded())), pm2_5: UInt16(min(65_535, street.pm2_5.rounded())),
                pm10: UInt16(min(65_535, street.pm10.rounded()))
            )
            return PMSA003IFrame.encode(PMSA003IFrame.Reading(standard: mass, environmental: mass, version: 0x97))
        }
    }

    private func sps30Answer(street: Street) -> [UInt8]? {
        switch pointer {
        case .readDataReady: return SPS30Frame.encode(words: [measuring ? 1 : 0])
        case .readMeasuredValues:
            let fine = Float(street.pm2_5)
            let coarse = Float(street.pm10)
            valueReads += 1
            // The typical particle size moves in its last digits, as a real sensor's floats always do,
            // so steady simulated air is not mistaken for a stuck sensor.
            let size = 0.6 + Float(valueReads % 50) / 1_000
            let values = measuring
                ? SPS30Frame.MeasuredValues(pm1: fine * 0.8, pm2_5: fine, pm4: (fine + coarse) / 2, pm10: coarse, typicalSizeMicrometres: size)
                : SPS30Frame.MeasuredValues(pm1: 0, pm2_5: 0, pm4: 0, pm10: 0)
            return SPS30Frame.encode(values)
        case .productType: return SPS30Frame.encode(words: asciiWords("00080000", bytes: 12))
        case .serialNumber: return SPS30Frame.encode(words: asciiWords("SIM0000000000001", bytes: 32))
        case .firmwareVersion: return SPS30Frame.encode(words: [0x0203])
        case .readDeviceStatus: return SPS30Frame.encode(words: [0, fanStoppedFlag ? 1 << 4 : 0])
        case .autoCleaningInterval:
            return SPS30Frame.encode(words: [UInt16(autoCleaningIntervalSeconds >> 16), UInt16(autoCleaningIntervalSeconds & 0xFFFF)])
        case .startMeasurement, .stopMeasurement, .sleep, .wakeUp, .startFanCleaning, .clearDeviceStatus, .reset, nil: return nil
        }
    }

    /// `text` as the sensor sends it: ASCII, NUL-padded to `bytes` (its answer's fixed length).
    private func asciiWords(_ text: String, bytes length: Int) -> [UInt16] {
        var bytes = Array(text.utf8)
        bytes += [UInt8](repeating: 0, count: max(1, length - bytes.count))
        if bytes.count % 2 == 1 { bytes.append(0) }
        return stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
    }
}

/// The simulated I²C bus: routes each transaction to the street's device at that address.
public struct SimI2CBus: I2CBus {
    private let street: Street

    public init(street: Street) {
        self.street = street
    }

    public mutating func transaction(address: I2CAddress, operations: [I2COperation]) throws(HALError) -> [[UInt8]] {
        guard let device = street.devicesByRole.first(where: { $0.address == address }) else {
            throw HALError(.nack(.address), context: "i2c sim \(address): no device")
        }
        return try device.transaction(operations, street: street)
    }
}
