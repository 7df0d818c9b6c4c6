public import PoleHAL

/// A small stateful driver for the Sensirion SPS30 on I²C: commands, reads and the waits between them.
///
/// Exists so the poller speaks in operations ("start", "read values", "read status") while
/// the wire rules stay in one place:
///
/// - No repeated start: every command is its own write transaction and every read is a separate read
///   transaction after it, never `writeRead`:
///
///       START 0x69+W ptr_hi ptr_lo [args…] STOP      START 0x69+R data… NACK STOP
///
/// - The driver never sleeps and reads no clock. Every operation takes the caller's monotonic `nowMs`;
///   a command with an execution time returns the time at which the sensor is ready again (start and
///   stop 20 ms, fan cleaning and clearing the status 5 ms, auto-cleaning interval 20 ms, reset
///   100 ms), and the next operation before that time is a programmer error (`precondition`). Reads
///   that need the sensor to prepare their answer (status register 5 ms, auto-cleaning interval
///   20 ms) are split in two: `request…` sends the command and returns the ready time, `read…` then
///   fetches the answer. A write-only command (clear status, reset, …) is never followed by a read:
///   the sensor would NACK it.
/// - Every data word carries a CRC; a mismatch is a `SensorError`, never a value. Bus failures are
///   passed through as `SensorError.bus` with the `HALError` untouched.
///
/// State is what the sensor cannot tell us cheaply: whether we started it, when it is ready, and which
/// split read is pending. A failed command changes none of it.
public struct SPS30Driver<Bus: I2CBus> {
    public let address: I2CAddress
    /// The earliest monotonic time at which the sensor accepts the next transaction (`Int64.min`, at
    /// once, until a command with an execution time has been sent).
    public private(set) var readyAtMs: Int64 = .min
    /// Whether a measurement was started and not stopped or reset since.
    public private(set) var isMeasuring = false
    private var bus: Bus
    private var pendingRead: SPS30Command?

    /// Bytes of a serial-number answer: 16 words of ASCII, NUL-terminated.
    static var serialNumberLength: Int { 48 }

    public init(bus: Bus, address: I2CAddress = I2CAddress(SPS30Frame.address)) {
        self.bus = bus
        self.address = address
    }

    /// How long the sensor needs after a command before the next transaction (docs/sensors.md, "Sensirion SPS30").
    static func executionTimeMs(_ command: SPS30Command) -> Int64 {
        switch command {
        case .startMeasurement, .stopMeasurement, .autoCleaningInterval: 20
        case .sleep, .wakeUp, .startFanCleaning, .readDeviceStatus, .clearDeviceStatus: 5
        case .reset: 100
        case .readDataReady, .readMeasuredValues, .productType, .serialNumber, .firmwareVersion: 0
        }
    }

    // MARK: Measurement

    /// Starts continuous measurement with IEEE-754 float output (`00 10 03 00 AC`) and returns when the
    /// sensor is ready. Readings are unstable for about 8 s after this.
    public mutating func startMeasurement(nowMs: Int64) throws(SensorError) -> Int64 {
        try send(SPS30Command.startFloatMeasurementBytes, command: .startMeasurement, nowMs: nowMs)
        isMeasuring = true
        return readyAtMs
    }

    /// Stops measurement (back to idle) and returns when the sensor is ready.
    public mutating func stopMeasurement(nowMs: Int64) throws(SensorError) -> Int64 {
        try send(SPS30Command.stopMeasurement.pointerBytes, command: .stopMeasurement, nowMs: nowMs)
        isMeasuring = false
        return readyAtMs
    }

    /// Whether a new set of values is waiting (the sensor makes one a second while measuring).
    public mutating func readDataReady(nowMs: Int64) throws(SensorError) -> Bool {
        let words = try query(.readDataReady, byteCount: 3, nowMs: nowMs)
        switch words[0] {
        case 0: return false
        case 1: return true
        default: throw .unexpectedAnswer("SPS30 data-ready word is \(words[0]), expected 0 or 1")
        }
    }

    /// Reads the latest values (60 bytes, float format). Only meaningful while measuring.
    public mutating func readMeasuredValues(nowMs: Int64) throws(SensorError) -> SPS30Frame.MeasuredValues {
        try command(.readMeasuredValues, nowMs: nowMs)
        let bytes = try receive(byteCount: SPS30Frame.measuredValuesLength)
        switch SPS30Frame.decodeMeasuredValues(bytes) {
        case .success(let values): return values
        case .failure(let error): throw .sps30Frame(error)
        }
    }

    // MARK: Maintenance

    /// Runs the fan at full speed for 10 s to blow out dust; values do not update meanwhile. Only
    /// while measuring (the sensor refuses it otherwise). Returns when the sensor is ready.
    public mutating func startFanCleaning(nowMs: Int64) throws(SensorError) -> Int64 {
        precondition(isMeasuring, "SPS30 fan cleaning runs only while measuring")
        try send(SPS30Command.startFanCleaning.pointerBytes, command: .startFanCleaning, nowMs: nowMs)
        return readyAtMs
    }

    /// Asks for the auto-cleaning interval; call `readAutoCleaningInterval` at or after the returned time.
    public mutating func requestAutoCleaningInterval(nowMs: Int64) throws(SensorError) -> Int64 {
        try request(.autoCleaningInterval, nowMs: nowMs)
    }

    /// The auto-cleaning interval in seconds, after `requestAutoCleaningInterval`.
    public mutating func readAutoCleaningInterval(nowMs: Int64) throws(SensorError) -> UInt32 {
        try readPending(.autoCleaningInterval, nowMs: nowMs)
    }

    /// Sets the auto-cleaning interval (0 disables it; the default is 604 800 s, one week) and returns
    /// when the sensor is ready. The sensor's timer restarts at power-off.
    public mutating func writeAutoCleaningInterval(seconds: UInt32, nowMs: Int64) throws(SensorError) -> Int64 {
        let bytes = SPS30Command.autoCleaningInterval.pointerBytes
            + SPS30Frame.encode(words: [UInt16(seconds >> 16), UInt16(seconds & 0xFFFF)])
        try send(bytes, command: .autoCleaningInterval, nowMs: nowMs)
        return readyAtMs
    }

    /// Asks for the status register (0xD206); call `readStatus` at or after the returned time.
    public mutating func requestStatus(nowMs: Int64) throws(SensorError) -> Int64 {
        try request(.readDeviceStatus, nowMs: nowMs)
    }

    /// The status flags, after `requestStatus`. They stay set until `clearStatus` (the fan-speed
    /// warning also clears itself when the speed recovers).
    public mutating func readStatus(nowMs: Int64) throws(SensorError) -> SPS30Status {
        SPS30Status(register: try readPending(.readDeviceStatus, nowMs: nowMs))
    }

    /// Clears the status register (0xD210: a write with nothing to read back) and returns when the
    /// sensor is ready, so a sticky flag reports again only if its cause comes back.
    public mutating func clearStatus(nowMs: Int64) throws(SensorError) -> Int64 {
        try send(SPS30Command.clearDeviceStatus.pointerBytes, command: .clearDeviceStatus, nowMs: nowMs)
        return readyAtMs
    }

    /// Resets the sensor (it stops measuring) and returns when it is ready again.
    public mutating func reset(nowMs: Int64) throws(SensorError) -> Int64 {
        try send(SPS30Command.reset.pointerBytes, command: .reset, nowMs: nowMs)
        isMeasuring = false
        return readyAtMs
    }

    // MARK: Identity

    /// The serial number: up to 32 ASCII characters.
    public mutating func readSerialNumber(nowMs: Int64) throws(SensorError) -> String {
        let words = try query(.serialNumber, byteCount: Self.serialNumberLength, nowMs: nowMs)
        var characters: [UInt8] = []
        for word in words {
            for byte in [UInt8(word >> 8), UInt8(word & 0xFF)] {
                if byte == 0 { return String(decoding: characters, as: UTF8.self) }
                guard byte >= 0x20, byte <= 0x7E else {
                    throw .unexpectedAnswer("SPS30 serial number holds byte \(byte), not printable ASCII")
                }
                characters.append(byte)
            }
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// The firmware version.
    public mutating func readFirmwareVersion(nowMs: Int64) throws(SensorError) -> SPS30FirmwareVersion {
        let words = try query(.firmwareVersion, byteCount: 3, nowMs: nowMs)
        return SPS30FirmwareVersion(major: UInt8(words[0] >> 8), minor: UInt8(words[0] & 0xFF))
    }

    // MARK: Wire

    /// Sends a command transaction; on success the sensor is busy for the command's execution time.
    private mutating func send(_ bytes: [UInt8], command: SPS30Command, nowMs: Int64) throws(SensorError) {
        precondition(nowMs >= readyAtMs, "SPS30 command at \(nowMs) ms, before the sensor is ready at \(readyAtMs) ms")
        pendingRead = nil
        do {
            try bus.write(address: address, bytes: bytes)
        } catch {
            throw .bus(error)
        }
        readyAtMs = nowMs + Self.executionTimeMs(command)
    }

    /// Sends a command pointer alone.
    private mutating func command(_ command: SPS30Command, nowMs: Int64) throws(SensorError) {
        try send(command.pointerBytes, command: command, nowMs: nowMs)
    }

    /// A read transaction of exactly `byteCount` bytes.
    private mutating func receive(byteCount: Int) throws(SensorError) -> [UInt8] {
        let bytes: [UInt8]
        do {
            bytes = try bus.read(address: address, count: byteCount)
        } catch {
            throw .bus(error)
        }
        guard bytes.count == byteCount else { throw .sps30Frame(.length(expected: byteCount, actual: bytes.count)) }
        return bytes
    }

    /// A read transaction decoded into CRC-checked words.
    private mutating func receiveWords(byteCount: Int) throws(SensorError) -> [UInt16] {
        switch SPS30Frame.decodeWords(try receive(byteCount: byteCount)) {
        case .success(let words): return words
        case .failure(let error): throw .sps30Frame(error)
        }
    }

    /// A command with no execution time followed at once by its read.
    private mutating func query(_ command: SPS30Command, byteCount: Int, nowMs: Int64) throws(SensorError) -> [UInt16] {
        try self.command(command, nowMs: nowMs)
        return try receiveWords(byteCount: byteCount)
    }

    /// The first half of a split read: the command, then the wait before the answer is ready.
    private mutating func request(_ command: SPS30Command, nowMs: Int64) throws(SensorError) -> Int64 {
        try self.command(command, nowMs: nowMs)
        pendingRead = command
        return readyAtMs
    }

    /// The second half of a split read: two words, big-endian, as one 32-bit value.
    private mutating func readPending(_ command: SPS30Command, nowMs: Int64) throws(SensorError) -> UInt32 {
        precondition(pendingRead == command, "SPS30 read of \(command) without a pending request")
        precondition(nowMs >= readyAtMs, "SPS30 read at \(nowMs) ms, before the answer is ready at \(readyAtMs) ms")
        pendingRead = nil
        let words = try receiveWords(byteCount: 6)
        return UInt32(words[0]) << 16 | UInt32(words[1])
    }
}

extension SPS30Driver: Sendable where Bus: Sendable {}
