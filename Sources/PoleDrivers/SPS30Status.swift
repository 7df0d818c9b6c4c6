/// The SPS30's device status register, reduced to the flags the pole acts on.
///
/// Exists so fan and laser faults are named values, not bit arithmetic in the poller. Other bits of
/// the 32-bit register are reserved or informational and are dropped by `init(register:)`.
public struct SPS30Status: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// The status as read from the register, keeping only the flags below.
    public init(register: UInt32) {
        self.init(rawValue: register & Self.all.rawValue)
    }

    /// Bit 21 SPEED: fan speed out of range (clears itself when the speed recovers).
    public static let fanSpeedOutOfRange = SPS30Status(rawValue: 1 << 21)
    /// Bit 5 LASER: laser current out of range.
    public static let laserCurrentOutOfRange = SPS30Status(rawValue: 1 << 5)
    /// Bit 4 FAN: the fan read 0 rpm twice in a row while switched on (sticky until cleared).
    public static let fanStopped = SPS30Status(rawValue: 1 << 4)

    /// Every flag the pole acts on.
    public static let all: SPS30Status = [.fanSpeedOutOfRange, .laserCurrentOutOfRange, .fanStopped]
}
