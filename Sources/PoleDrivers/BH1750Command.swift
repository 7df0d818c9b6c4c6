/// The BH1750's one-byte instructions (ROHM BH1750FVI datasheet, "Instruction Set Architecture"),
/// each sent as its own write: `START A+W opcode STOP`.
///
/// The two measurement-time instructions carry MTreg bits in the opcode and are not listed: the
/// driver keeps the default MTreg of 69, which the lux conversion assumes.
public enum BH1750Command: UInt8, Sendable, CaseIterable {
    /// No active state; the sensor draws about 1 µA.
    case powerDown = 0x00
    /// Waiting for a measurement instruction.
    case powerOn = 0x01
    /// Clears the data register; ignored while powered down, so it follows `powerOn`.
    case reset = 0x07
    /// Measures continuously at 1 lx resolution, 120 ms typical and 180 ms at most per measurement.
    case continuousHighResolution = 0x10
    /// Measures continuously at 0.5 lx resolution, same timing.
    case continuousHighResolution2 = 0x11
    /// Measures continuously at 4 lx resolution, 16 ms typical and 24 ms at most.
    case continuousLowResolution = 0x13
    /// One high-resolution measurement, then power down.
    case oneTimeHighResolution = 0x20
    /// One 0.5 lx measurement, then power down.
    case oneTimeHighResolution2 = 0x21
    /// One low-resolution measurement, then power down.
    case oneTimeLowResolution = 0x23
}
