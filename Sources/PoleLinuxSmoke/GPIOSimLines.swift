import Glibc

/// A gpio-sim bank's lines as sysfs shows them (`/sys/bus/gpio/devices/gpiochipN/sim_gpioK`): the
/// pull the simulator applies to an input, and the level a consumer drives on an output.
struct GPIOSimLines {
    /// The bank's device folder.
    let folder: String

    /// Pulls line `offset` up or down, as wiring would.
    func pull(_ offset: Int, up: Bool) -> Bool {
        write("\(folder)/sim_gpio\(offset)/pull", up ? "pull-up" : "pull-down")
    }

    /// The physical level on line `offset`: 0, 1, or nil when it cannot be read.
    func value(_ offset: Int) -> Int? {
        read("\(folder)/sim_gpio\(offset)/value").flatMap { Int($0) }
    }

    private func write(_ path: String, _ text: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) } == bytes.count
    }

    private func read(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self).trimmingTrailingNewline
    }
}

extension String {
    fileprivate var trimmingTrailingNewline: String {
        hasSuffix("\n") ? String(dropLast()) : self
    }
}
