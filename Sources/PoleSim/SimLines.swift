public import PoleHAL

/// The simulated board's GPIO lines, found by name as a real chip's are.
///
/// Line names mirror the roles (`HEAD_RED`, `PRESENCE_A`, …) so `boards/sim.toml` reads like a real
/// board file, and a misspelt name fails at start exactly as it would on a Pi.
public enum SimLines {
    /// The label of the simulated chip.
    public static let chipLabel = "poled-sim"

    public static let headRed = "HEAD_RED"
    public static let headGreen = "HEAD_GREEN"
    public static let floorRed = "FLOOR_RED"
    public static let floorGreen = "FLOOR_GREEN"
    public static let floorRedSense = "FLOOR_RED_SENSE"
    public static let floorGreenSense = "FLOOR_GREEN_SENSE"
    public static let motion = "MOTION"
    public static let lampCurrent = "LAMP_CURRENT"
    public static let photocell = "PHOTOCELL"
    public static let lampRelay = "LAMP_RELAY"
    /// Presence inputs are `PRESENCE_<ZONE>` for any zone name, upper-cased.
    public static let presencePrefix = "PRESENCE_"

    /// Output line names the simulated chip offers.
    public static let outputs: Set<String> = [
        floorRed, floorGreen, "FLOOR_DIM", "BEACON", "VOICE_RED_WAIT", "VOICE_GREEN_CROSS", "VOICE_FLASH_WAIT",
        "VOICE_NIGHT_VOLUME", "SPOTLIGHT", lampRelay, "LAMP_DIM", "AIR_GOOD", "AIR_MODERATE", "AIR_BAD",
        "AIR_VERY_BAD", "MIST", "HEARTBEAT",
    ]

    static func reader(for line: String) -> ((Street) -> Bool)? {
        switch line {
        case headRed: return { $0.headRedLit }
        case headGreen: return { $0.headGreenLit }
        case floorRedSense: return { $0.floorRedSensed }
        case floorGreenSense: return { $0.floorGreenSensed }
        case motion: return { $0.motion }
        case lampCurrent: return { $0.lampCurrentFlows }
        case photocell: return { $0.photocellDark }
        default:
            guard line.hasPrefix(presencePrefix), line.count > presencePrefix.count else { return nil }
            let zone = line.dropFirst(presencePrefix.count).lowercased()
            return { $0.presence[zone] ?? false }
        }
    }
}

/// Simulated input lines, sampled from the street.
public struct SimInputLines: DigitalInputSet {
    private let street: Street
    private let readers: [(Street) -> Bool]

    /// Opens the named input lines; a name the simulated chip lacks is `notFound`.
    public init(street: Street, lines: [String]) throws(HALError) {
        self.street = street
        var readers: [(Street) -> Bool] = []
        for line in lines {
            guard let reader = SimLines.reader(for: line) else {
                throw HALError(.notFound, context: "line \"\(line)\" on chip \(SimLines.chipLabel) (not an input of the simulated board)")
            }
            readers.append(reader)
        }
        self.readers = readers
    }

    public var lineCount: Int { readers.count }

    public mutating func sample(into levels: inout [LineLevel]) throws(HALError) {
        precondition(levels.count == readers.count, "one level per line")
        for index in readers.indices {
            levels[index] = LineLevel(asserted: readers[index](street))
        }
    }
}

/// Simulated output lines; what is driven becomes part of the street (the floor lamps' sense, the
/// lamp's current).
public struct SimOutputLines: DigitalOutputSet {
    private let street: Street
    private let lines: [String]
    public let safeLevels: [LineLevel]
    private var applied: [LineLevel]

    /// Opens the named output lines at their safe levels; a name the simulated chip lacks is `notFound`.
    public init(street: Street, lines: [String], safeLevels: [LineLevel]) throws(HALError) {
        precondition(lines.count == safeLevels.count, "one safe level per line")
        for line in lines where !SimLines.outputs.contains(line) {
            throw HALError(.notFound, context: "line \"\(line)\" on chip \(SimLines.chipLabel) (not an output of the simulated board)")
        }
        self.street = street
        self.lines = lines
        self.safeLevels = safeLevels
        applied = safeLevels
        for (line, level) in zip(lines, safeLevels) {
            street.drive(line: line, level: level.isHigh)
        }
    }

    public var lineCount: Int { lines.count }

    public mutating func apply(_ levels: [LineLevel]) throws(HALError) {
        precondition(levels.count == lines.count, "one level per line")
        for index in lines.indices where levels[index] != applied[index] {
            street.drive(line: lines[index], level: levels[index].isHigh)
        }
        applied = levels
    }
}
