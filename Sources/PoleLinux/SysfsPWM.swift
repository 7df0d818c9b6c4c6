import Glibc
public import PoleHAL

/// A PWM channel through Linux sysfs (`/sys/class/pwm/pwmchipN/pwmM`): exported once at open, period
/// and duty in nanoseconds, enabled at the safe duty; later writes change only the duty, and only
/// when it changes.
public final class SysfsPWM: PWMChannel {
    public let safeDutyPercent: Int
    private let directory: String
    private let periodNanoseconds: Int64
    private var dutyPercent: Int?

    /// Opens `channel` of `chip` under `root` (the sysfs PWM class, injectable for tests) at
    /// `frequencyHz`, driving `safeDutyPercent` before anything else.
    public init(root: String = "/sys/class/pwm", chip: String, channel: Int, frequencyHz: Int, safeDutyPercent: Int) throws(HALError) {
        precondition(frequencyHz > 0, "PWM frequency above zero")
        precondition((0...100).contains(safeDutyPercent), "duty 0…100 %")
        let chipDirectory = "\(root)/\(chip)"
        directory = "\(chipDirectory)/pwm\(channel)"
        periodNanoseconds = 1_000_000_000 / Int64(frequencyHz)
        self.safeDutyPercent = safeDutyPercent
        if access(directory, F_OK) != 0 {
            guard access(chipDirectory, F_OK) == 0 else {
                throw HALError(.notFound, errno: ENOENT, context: "PWM chip \(chipDirectory)")
            }
            try Self.write("\(channel)", to: "\(chipDirectory)/export")
        }
        try Self.write("0", to: "\(directory)/duty_cycle")
        try Self.write("\(periodNanoseconds)", to: "\(directory)/period")
        try setDuty(percent: safeDutyPercent)
        try Self.write("1", to: "\(directory)/enable")
    }

    public func setDuty(percent: Int) throws(HALError) {
        precondition((0...100).contains(percent), "duty 0…100 %")
        guard percent != dutyPercent else { return }
        try Self.write("\(periodNanoseconds * Int64(percent) / 100)", to: "\(directory)/duty_cycle")
        dutyPercent = percent
    }

    private static func write(_ text: String, to path: String) throws(HALError) {
        let descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw HALError(GPIOErrno.kind(code), errno: code, context: "\(path): \(String(cString: strerror(code)))")
        }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)
        let written = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            let code = errno
            throw HALError(GPIOErrno.kind(code), errno: code, context: "\(path) ← \(text): \(String(cString: strerror(code)))")
        }
    }
}
