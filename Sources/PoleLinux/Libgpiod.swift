import CGPIOD
import Glibc
public import PoleHAL

/// The libgpiod backend, for libgpiod 1.6 (Debian 12, Raspberry Pi OS bookworm) and 2.x (Debian 13,
/// Raspberry Pi OS trixie) alike: the C shim in `CGPIOD` is compiled for the API of the installed
/// `<gpiod.h>` and gives both the same functions, so this is the only Swift that reaches libgpiod.
///
/// Chips are opened once each by device name and kept open for the daemon's life; the shim's handles
/// are `OpaquePointer`s owned here and used only on the loop's thread.
public final class Libgpiod: GPIOChipAccess {
    public typealias Request = OpaquePointer

    /// Which libgpiod API poled was built for and which library it runs with, e.g.
    /// "libgpiod v2 API, library 2.2.1", for `--version` and `check-config`.
    public static var apiDescription: String {
        "libgpiod v\(poled_gpio_api_major()) API, library \(String(cString: poled_gpio_library_version()))"
    }

    private var chips: [String: OpaquePointer] = [:]

    public init() {}

    deinit {
        closeAll()
    }

    public func locate(_ name: String, chipLabel: String?) throws(HALError) -> GPIOLineLocation {
        var offset: UInt32 = 0
        if let chipLabel {
            let chip = Self.withText { poled_gpio_find_chip(chipLabel, $0, $1) }
            guard chip.result == 0 else {
                throw Self.error(-chip.result, "chip labelled \"\(chipLabel)\" (looking for line \"\(name)\")")
            }
            let result = poled_gpio_find_line_on_chip(chip.text, name, &offset)
            guard result == 0 else { throw Self.error(-result, "line \"\(name)\" on chip \"\(chipLabel)\"") }
            return GPIOLineLocation(chip: chip.text, chipLabel: chipLabel, offset: offset)
        }
        var label = ""
        let chip = Self.withText { chipName, chipNameSize in
            let found = Self.withText { poled_gpio_find_line(name, chipName, chipNameSize, $0, $1, &offset) }
            label = found.text
            return found.result
        }
        guard chip.result == 0 else { throw Self.error(-chip.result, "line \"\(name)\" on any chip") }
        return GPIOLineLocation(chip: chip.text, chipLabel: label, offset: offset)
    }

    public func usage(chip name: String, offset: UInt32) throws(HALError) -> GPIOLineUsage {
        let chip = try open(name)
        var used: Int32 = 0
        let consumer = Self.withText { poled_gpio_line_usage(chip, offset, &used, $0, $1) }
        guard consumer.result == 0 else { throw Self.error(-consumer.result, "line \(offset) of chip \(name)") }
        return GPIOLineUsage(used: used != 0, consumer: consumer.text.isEmpty ? nil : consumer.text)
    }

    public func request(
        _ group: GPIORequestPlan.Group, consumer: String, defaults: [Int32]
    ) throws(HALError) -> OpaquePointer {
        let chip = try open(group.chip)
        let bias: Int32
        switch group.bias {
        case .asIs: bias = POLED_GPIO_BIAS_AS_IS
        case .disabled: bias = POLED_GPIO_BIAS_DISABLED
        case .pullUp: bias = POLED_GPIO_BIAS_PULL_UP
        case .pullDown: bias = POLED_GPIO_BIAS_PULL_DOWN
        }
        var request: OpaquePointer?
        let result = group.offsets.withUnsafeBufferPointer { offsets in
            defaults.withUnsafeBufferPointer { values in
                poled_gpio_request_lines(
                    chip, offsets.baseAddress, UInt32(offsets.count), consumer, group.direction == .output ? 1 : 0,
                    group.activeLow ? 1 : 0, bias, values.baseAddress, &request
                )
            }
        }
        guard result == 0, let request else {
            throw Self.error(-result, "request of lines \(group.offsets) on \(group.chip)")
        }
        return request
    }

    public func read(_ request: OpaquePointer, into values: inout [Int32]) throws(HALError) {
        let result = values.withUnsafeMutableBufferPointer { poled_gpio_get_values(request, $0.baseAddress) }
        guard result == 0 else { throw Self.error(-result, "read of \(values.count) lines") }
    }

    public func write(_ request: OpaquePointer, _ values: [Int32]) throws(HALError) {
        let result = values.withUnsafeBufferPointer { poled_gpio_set_values(request, $0.baseAddress) }
        guard result == 0 else { throw Self.error(-result, "write of \(values.count) lines") }
    }

    public func release(_ request: OpaquePointer) {
        poled_gpio_release(request)
    }

    public func closeAll() {
        for chip in chips.values {
            poled_gpio_chip_close(chip)
        }
        chips.removeAll()
    }

    private func open(_ name: String) throws(HALError) -> OpaquePointer {
        if let chip = chips[name] { return chip }
        var chip: OpaquePointer?
        let result = poled_gpio_chip_open(name, &chip)
        guard result == 0, let chip else { throw Self.error(-result, "chip \(name)") }
        chips[name] = chip
        return chip
    }

    /// Calls `body` with a zeroed buffer for a C string and its size; returns its result and the text.
    static func withText(
        _ body: (UnsafeMutablePointer<CChar>, Int) -> Int32
    ) -> (result: Int32, text: String) {
        let size = 256
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: size)
        defer { buffer.deallocate() }
        buffer.initialize(repeating: 0, count: size)
        let result = body(buffer, size)
        return (result, String(cString: buffer))
    }

    /// Maps an errno from libgpiod to the HAL's kinds.
    static func error(_ code: Int32, _ context: String) -> HALError {
        HALError(GPIOErrno.kind(code), errno: code, context: "\(context): \(String(cString: strerror(code)))")
    }
}
