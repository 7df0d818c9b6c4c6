/// A 7-bit I²C target address.
public struct I2CAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address without the read/write bit, 0x08…0x77 for ordinary devices.
    public let value: UInt8

    /// Creates an address; 7-bit addresses only (0x00…0x7F).
    public init(_ value: UInt8) {
        precondition(value <= 0x7F, "I2C address \(value) does not fit in 7 bits")
        self.value = value
    }

    public var description: String {
        let hex = String(value, radix: 16)
        return "0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}

/// One step of an I²C transaction.
public enum I2COperation: Sendable, Hashable {
    /// Write these bytes to the target.
    case write([UInt8])
    /// Read this many bytes from the target.
    case read(count: Int)
}

/// An I²C bus, shaped like embedded-hal 1.0's `I2c`: the one primitive is a transaction.
///
/// A transaction of operations `[write(w), read(n)]` to address A puts this on the wire:
///
///     START A+W w[0] … w[k] (repeated) START A+R r[0] … r[n-1] NACK STOP
///
/// Adjacent operations of the same kind are merged without a new start condition; every change of
/// direction is a repeated start; the transaction ends with one STOP. Devices without repeated-start
/// support (the Sensirion SPS30) need the command and the read as two separate transactions.
///
/// `read`, `write` and `writeRead` are defaults built on `transaction`, so a mock or a new backend
/// implements one method.
public protocol I2CBus {
    /// Runs the operations as one transaction and returns the bytes of each `read`, in order.
    mutating func transaction(address: I2CAddress, operations: [I2COperation]) throws(HALError) -> [[UInt8]]
}

extension I2CBus {
    /// `START A+W bytes… STOP`.
    public mutating func write(address: I2CAddress, bytes: [UInt8]) throws(HALError) {
        _ = try transaction(address: address, operations: [.write(bytes)])
    }

    /// `START A+R r[0] … r[count-1] NACK STOP`.
    public mutating func read(address: I2CAddress, count: Int) throws(HALError) -> [UInt8] {
        let reads = try transaction(address: address, operations: [.read(count: count)])
        return reads.first ?? []
    }

    /// `START A+W bytes… START A+R r[0] … r[count-1] NACK STOP`, with a repeated start.
    public mutating func writeRead(address: I2CAddress, bytes: [UInt8], count: Int) throws(HALError) -> [UInt8] {
        let reads = try transaction(address: address, operations: [.write(bytes), .read(count: count)])
        return reads.first ?? []
    }
}
