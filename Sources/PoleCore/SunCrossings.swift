/// What the sun does about one zenith threshold during one solar day.
///
/// Exists because near the poles "the time of sunset" may not exist: the sun can stay above the
/// threshold all day (midnight sun), below it all day (polar night), or cross it only once, on the
/// day a midnight-sun period begins or ends. Every case is explicit, so a lighting schedule never
/// acts on an invented time. For `.civilTwilight` the rising is civil dawn and the setting civil dusk.
public enum SunCrossings: Sendable, Hashable {
    /// The sun rises through the threshold before solar noon and sinks through it after.
    case risesAndSets(risingUTCSeconds: Int64, settingUTCSeconds: Int64)
    /// The sun rises through the threshold and stays above it through the next solar midnight:
    /// the first day of a midnight-sun period.
    case risesOnly(risingUTCSeconds: Int64)
    /// The sun stayed above the threshold through the previous solar midnight and sinks through it
    /// after noon: the last day of a midnight-sun period.
    case setsOnly(settingUTCSeconds: Int64)
    /// Above the threshold all day, solar midnight included.
    case alwaysAbove
    /// Below the threshold all day, solar noon included.
    case alwaysBelow

    /// When the sun rises through the threshold, if it does this day (UTC seconds since the epoch).
    public var risingUTCSeconds: Int64? {
        switch self {
        case .risesAndSets(let rising, _), .risesOnly(let rising): rising
        case .setsOnly, .alwaysAbove, .alwaysBelow: nil
        }
    }

    /// When the sun sinks through the threshold, if it does this day (UTC seconds since the epoch).
    public var settingUTCSeconds: Int64? {
        switch self {
        case .risesAndSets(_, let setting), .setsOnly(let setting): setting
        case .risesOnly, .alwaysAbove, .alwaysBelow: nil
        }
    }
}
