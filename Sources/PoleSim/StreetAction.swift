public import PoleCore

/// What the signal head's lamps do.
public enum HeadAspect: Sendable, Hashable {
    case red
    case green
    /// Green pulsing with this period, lit for the first half of each period.
    case flashingGreen(periodMs: Int64)
    case dark
    /// Red and green lit together, as a shorted head shows.
    case redAndGreen
}

/// A fault on a simulated I²C device.
public enum I2CFault: String, Sendable, Hashable, CaseIterable {
    /// The device does not acknowledge its address.
    case nack
    /// The transfer never completes.
    case timeout
    /// The device answers, but with corrupt checksums.
    case crc
    /// The device is gone from the bus until the fault is cleared.
    case absent
    /// An SPS30's fan has stopped: its status register reports FAN at every read while the fault
    /// lasts, and until cleared after it ends. Transfers succeed; other devices ignore it.
    case fan
}

/// What the floor lamps' sense inputs report, whatever poled drives.
public enum FloorFault: String, Sendable, Hashable, CaseIterable {
    case none
    case greenStuckOn = "green-stuck-on"
    case redStuckOn = "red-stuck-on"
    case greenOut = "green-out"
    case redOut = "red-out"
    /// The floor's feeds are crossed: commanding red lights green and the other way round (역불).
    case swapped
}

/// What the security lamp's current sense reports.
public enum LampFault: String, Sendable, Hashable, CaseIterable {
    case none
    /// No current while the relay is on.
    case out
    /// Current while the relay is off.
    case stuckOn = "stuck-on"
    /// The lamp goes out and restarts by itself, as a failing discharge lamp does.
    case cycling
}

/// One change to the simulated street (docs/formats.md, "Scenario (JSON)").
public enum StreetAction: Sendable, Hashable {
    case head(HeadAspect)
    case presence(zone: String, present: Bool)
    case motion(Bool)
    case lux(Double)
    /// `true` when the photocell reports dark.
    case photocell(Bool)
    case particulates(pm2_5: Double, pm10: Double)
    /// A fault on an I²C device for a time, or until cleared when `durationMs` is nil.
    case i2cFault(device: String, fault: I2CFault, durationMs: Int64?)
    /// The device's fault ends now.
    case i2cFaultCleared(device: String)
    /// The bytes the device answers to its next read.
    case i2cFrame(device: String, bytes: [UInt8])
    case lampFault(LampFault)
    case floorFault(FloorFault)
    /// The simulated wall clock is set to this time (and keeps ticking from there).
    case setUTC(seconds: Int64)
    /// A technician's command, given by the scenario instead of `polectl`.
    case command(Command)
}
