import CGPIOD
import Glibc
public import PoleHAL

/// The libgpiod 1.6 backend (Debian 12, Raspberry Pi OS bookworm): the only file that calls libgpiod,
/// so a libgpiod 2.x backend can stand beside it.
///
/// Chips are opened once each by device name and kept open for the daemon's life; libgpiod's handles
/// are `OpaquePointer`s owned here and used only on the loop's thread.
public final class LibgpiodV1: GPIOChipAccess {
    public typealias Line = OpaquePointer

    private var chips: [String: OpaquePointer] = [:]

    public init() {}

    deinit {
        closeAll()
    }

    public func locate(_ name: String, chipLabel: String?) throws(HALError) -> GPIOLineLocation {
        if let chipLabel {
            guard let chip = gpiod_chip_open_by_label(chipLabel) else {
                throw Self.error(errno, "chip labelled \"\(chipLabel)\" (looking for line \"\(name)\")")
            }
            defer { gpiod_chip_close(chip) }
            guard let line = gpiod_chip_find_line(chip, name) else {
                throw Self.error(errno, "line \"\(name)\" on chip \"\(chipLabel)\"")
            }
            return GPIOLineLocation(
                chip: String(cString: gpiod_chip_name(chip)), chipLabel: chipLabel, offset: gpiod_line_offset(line)
            )
        }
        guard let line = gpiod_line_find(name) else {
            throw Self.error(errno == 0 ? ENOENT : errno, "line \"\(name)\" on any chip")
        }
        defer { gpiod_line_close_chip(line) }
        let chip = gpiod_line_get_chip(line)
        return GPIOLineLocation(
            chip: String(cString: gpiod_chip_name(chip)), chipLabel: String(cString: gpiod_chip_label(chip)),
            offset: gpiod_line_offset(line)
        )
    }

    public func line(chip name: String, offset: UInt32) throws(HALError) -> OpaquePointer {
        let chip: OpaquePointer
        if let open = chips[name] {
            chip = open
        } else {
            guard let opened = gpiod_chip_open_by_name(name) else { throw Self.error(errno, "chip \(name)") }
            chips[name] = opened
            chip = opened
        }
        guard let line = gpiod_chip_get_line(chip, offset) else {
            throw Self.error(errno, "line \(offset) of chip \(name)")
        }
        return line
    }

    public func usage(of line: OpaquePointer) -> GPIOLineUsage {
        _ = gpiod_line_update(line)
        let consumer = gpiod_line_consumer(line).map { String(cString: $0) }
        return GPIOLineUsage(used: gpiod_line_is_used(line), consumer: consumer)
    }

    public func request(
        _ lines: [OpaquePointer], group: GPIORequestPlan.Group, consumer: String, defaults: [Int32]
    ) throws(HALError) {
        var flags: Int32 = group.activeLow ? POLED_GPIOD_FLAG_ACTIVE_LOW : 0
        switch group.bias {
        case .asIs: break
        case .disabled: flags |= POLED_GPIOD_FLAG_BIAS_DISABLE
        case .pullUp: flags |= POLED_GPIOD_FLAG_BIAS_PULL_UP
        case .pullDown: flags |= POLED_GPIOD_FLAG_BIAS_PULL_DOWN
        }
        let output: Int32 = group.direction == .output ? 1 : 0
        let result = Self.withHandles(lines) { handles, count in
            defaults.withUnsafeBufferPointer { values in
                poled_gpiod_request(handles, count, consumer, output, flags, values.baseAddress)
            }
        }
        guard result == 0 else {
            throw Self.error(-result, "request of lines \(group.offsets) on \(group.chip)")
        }
    }

    public func read(_ lines: [OpaquePointer], into values: inout [Int32]) throws(HALError) {
        let result = Self.withHandles(lines) { handles, count in
            values.withUnsafeMutableBufferPointer { buffer in
                poled_gpiod_get(handles, count, buffer.baseAddress)
            }
        }
        guard result == 0 else { throw Self.error(-result, "read of \(lines.count) lines") }
    }

    public func write(_ lines: [OpaquePointer], _ values: [Int32]) throws(HALError) {
        let result = Self.withHandles(lines) { handles, count in
            values.withUnsafeBufferPointer { buffer in
                poled_gpiod_set(handles, count, buffer.baseAddress)
            }
        }
        guard result == 0 else { throw Self.error(-result, "write of \(lines.count) lines") }
    }

    public func release(_ lines: [OpaquePointer]) {
        Self.withHandles(lines) { handles, count in
            poled_gpiod_release(handles, count)
        }
    }

    public func closeAll() {
        for chip in chips.values {
            gpiod_chip_close(chip)
        }
        chips.removeAll()
    }

    /// Passes the handles to C as `struct gpiod_line *const *` without copying the array: an
    /// `OpaquePointer` and an `OpaquePointer?` have the same layout.
    private static func withHandles<Result>(
        _ lines: [OpaquePointer], _ body: (UnsafePointer<OpaquePointer?>?, UInt32) -> Result
    ) -> Result {
        lines.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: OpaquePointer?.self) { body($0.baseAddress, UInt32($0.count)) }
        }
    }

    /// Maps an errno from libgpiod to the HAL's kinds.
    static func error(_ code: Int32, _ context: String) -> HALError {
        HALError(GPIOErrno.kind(code), errno: code, context: "\(context): \(String(cString: strerror(code)))")
    }
}
