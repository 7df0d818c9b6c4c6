/// The SPS30's command pointers (datasheet §6.3), sent big-endian and without CRC.
public enum SPS30Command: UInt16, Sendable, CaseIterable {
    case startMeasurement = 0x0010
    case stopMeasurement = 0x0104
    case readDataReady = 0x0202
    case readMeasuredValues = 0x0300
    case sleep = 0x1001
    case wakeUp = 0x1103
    case startFanCleaning = 0x5607
    case autoCleaningInterval = 0x8004
    case productType = 0xD002
    case serialNumber = 0xD033
    case firmwareVersion = 0xD100
    /// Read the device status register: the answer is two words, each with its CRC.
    case readDeviceStatus = 0xD206
    /// Clear the device status register: a write only, the sensor has nothing to read back.
    case clearDeviceStatus = 0xD210
    case reset = 0xD304

    /// The two pointer bytes as they go on the wire.
    public var pointerBytes: [UInt8] { [UInt8(rawValue >> 8), UInt8(rawValue & 0xFF)] }

    /// "Start measurement" with float output: pointer, format word 0x0300 and its CRC.
    public static let startFloatMeasurementBytes: [UInt8] =
        SPS30Command.startMeasurement.pointerBytes + SPS30Frame.encode(words: [0x0300])
}
