/// The SPS30's firmware version, as "read firmware version" reports it.
///
/// Exists because commands differ by firmware (sleep needs 2.0, the status register 2.2), so the
/// poller logs it and can compare it.
public struct SPS30FirmwareVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: UInt8
    public var minor: UInt8

    public init(major: UInt8, minor: UInt8) {
        self.major = major
        self.minor = minor
    }

    public static func < (lhs: SPS30FirmwareVersion, rhs: SPS30FirmwareVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    public var description: String { "\(major).\(minor)" }
}
