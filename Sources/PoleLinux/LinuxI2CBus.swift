import CI2C
import Glibc
public import PoleHAL

/// An I²C bus through `/dev/i2c-N`: each transaction is one `I2C_RDWR` ioctl (repeated starts between
/// operations, one stop), checked at open for plain-transfer support (`I2C_FUNCS`).
///
/// A reference type that owns its descriptor; it is used only on the sensor poller's queue.
public final class LinuxI2CBus: I2CBus {
    private let descriptor: Int32
    public let path: String

    /// Opens `path`; a missing bus is `notFound`, an adapter without plain transfers `unsupported`.
    public init(path: String) throws(HALError) {
        let result = poled_i2c_open(path)
        guard result >= 0 else { throw Self.error(-result, "\(path)") }
        let check = poled_i2c_check_plain_transfers(result)
        guard check == 0 else {
            poled_i2c_close(result)
            if -check == EOPNOTSUPP {
                throw HALError(
                    .unsupported, errno: EOPNOTSUPP,
                    context: "\(path): the adapter cannot do plain I²C transfers (I2C_FUNCS lacks I2C_FUNC_I2C: an SMBus-only adapter)"
                )
            }
            throw Self.error(-check, "\(path): I2C_FUNCS")
        }
        descriptor = result
        self.path = path
    }

    deinit {
        poled_i2c_close(descriptor)
    }

    public func transaction(address: I2CAddress, operations: [I2COperation]) throws(HALError) -> [[UInt8]] {
        guard !operations.isEmpty, operations.count <= Int(POLED_I2C_OPERATIONS_MAX) else {
            throw HALError(.unsupported, context: "\(path) \(address): \(operations.count) operations; i2c-dev takes 1…42")
        }
        let lengths = operations.map { operation in
            switch operation {
            case .write(let bytes): bytes.count
            case .read(let count): count
            }
        }
        guard lengths.allSatisfy({ $0 <= 8_192 }) else {
            throw HALError(.unsupported, context: "\(path) \(address): a message over 8192 bytes")
        }
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, lengths.reduce(0, +)))
        defer { storage.deallocate() }
        var plain: [poled_i2c_operation] = []
        var offset = 0
        for (operation, length) in zip(operations, lengths) {
            let start = storage.baseAddress! + offset
            if case .write(let bytes) = operation {
                _ = UnsafeMutableBufferPointer(start: start, count: length).initialize(from: bytes)
            }
            let isRead: Int32 = if case .read = operation { 1 } else { 0 }
            plain.append(poled_i2c_operation(read: isRead, buffer: start, length: UInt16(length)))
            offset += length
        }
        let result = plain.withUnsafeBufferPointer {
            poled_i2c_transfer(descriptor, UInt16(address.value), $0.baseAddress, UInt32($0.count))
        }
        guard result == 0 else { throw Self.error(-result, "\(path) \(address)") }
        var reads: [[UInt8]] = []
        offset = 0
        for (operation, length) in zip(operations, lengths) {
            if case .read = operation { reads.append(Array(storage[offset..<offset + length])) }
            offset += length
        }
        return reads
    }

    /// Maps an errno from i2c-dev to the HAL's kinds (docs/sensors.md, "Linux I²C and GPIO from user
    /// space"): ENXIO and EREMOTEIO are a NACK (the Pi's controllers report EREMOTEIO), ETIMEDOUT a
    /// timeout, EAGAIN a lost arbitration.
    public static func kind(_ code: Int32) -> HALError.Kind {
        switch code {
        case ENXIO, EREMOTEIO: .nack(.unknown)
        case ETIMEDOUT: .timeout
        case EAGAIN: .arbitrationLoss
        case EOPNOTSUPP: .unsupported
        case ENOENT, ENODEV: .notFound
        case EBUSY: .busy
        default: .other
        }
    }

    private static func error(_ code: Int32, _ context: String) -> HALError {
        HALError(kind(code), errno: code, context: "\(context): \(String(cString: strerror(code)))")
    }
}
