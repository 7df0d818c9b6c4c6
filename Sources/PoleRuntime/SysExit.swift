/// Process exit codes, following sysexits(3) (docs/architecture.md, "poled's exit
/// codes"), so scripts and systemd can
/// tell a bad config from a missing device.
public enum SysExit: Int32, Sendable {
    case ok = 0
    /// Bad command-line usage.
    case usage = 64
    /// A scenario or other input data is malformed.
    case dataError = 65
    /// A device (GPIO chip, line, I²C bus) is missing or busy.
    case unavailable = 69
    /// An internal invariant broke: a safety invariant failed in simulation.
    case software = 70
    /// Reading or writing a file failed.
    case ioError = 74
    /// The board or site file is invalid.
    case config = 78
}
