public import PoleHAL

/// Why a sensor driver returned no value: the bus failed, or the sensor's answer was rejected.
///
/// Exists so a poller can act on one type for every sensor: retry a `.bus` error by its `HALError.kind`
/// (a NACK, a timeout, …; the HAL error is passed through untouched), count frame errors as a failing
/// sensor, and log `name` when the kind of failure changes.
public enum SensorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The transfer failed.
    case bus(HALError)
    /// An SPS30 answer failed its CRC or had the wrong length.
    case sps30Frame(SPS30Frame.DecodeError)
    /// A PMSA003I frame failed its length, header, length-field or checksum check.
    case pmsa003iFrame(PMSA003IFrame.DecodeError)
    /// The answer passed its checks but holds a value the command never returns.
    case unexpectedAnswer(String)

    /// A short, stable name for logs and traces: the HAL kind's name for bus errors (`nack`,
    /// `timeout`, …), else `crc`, `length`, `header`, `checksum` or `unexpected-answer`.
    public var name: String {
        switch self {
        case .bus(let error): error.kind.name
        case .sps30Frame(.crc): "crc"
        case .sps30Frame(.length), .pmsa003iFrame(.length), .pmsa003iFrame(.lengthField): "length"
        case .pmsa003iFrame(.header): "header"
        case .pmsa003iFrame(.checksum): "checksum"
        case .unexpectedAnswer: "unexpected-answer"
        }
    }

    public var description: String {
        switch self {
        case .bus(let error): error.description
        case .sps30Frame(let error): "SPS30 \(error)"
        case .pmsa003iFrame(let error): "PMSA003I \(error)"
        case .unexpectedAnswer(let detail): detail
        }
    }
}
