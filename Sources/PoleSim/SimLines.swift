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

    /// Output line names the simulated chip offers, in slot order: the street reads the first three
    /// (the floor's feeds and the lamp's relay) by these fixed slots.
    public static let outputNames = [
        floorRed, floorGreen, lampRelay, "FLOOR_DIM", "BEACON", "VOICE_RED_WAIT", "VOICE_GREEN_CROSS", "VOICE_FLASH_WAIT",
        "VOICE_NIGHT_VOLUME", "SPOTLIGHT", "LAMP_DIM", "AIR_GOOD", "AIR_MODERATE", "AIR_BAD", "AIR_VERY_BAD", "MIST", "HEARTBEAT",
    ]
    static let floorRedSlot = 0
    static let floorGreenSlot = 1
    static let lampRelaySlot = 2

    /// Output line names the simulated chip offers.
    public static let outputs = Set(outputNames)

    /// The slot of output line `line` in `outputNames`, `nil` for a name the chip lacks.
    public static func outputSlot(_ line: String) -> Int? {
        outputNames.firstIndex(of: line)
    }

    /// What input line `line` reads on `street`, `nil` for a name the chip lacks.
    static func input(_ line: String, on street: Street) -> Street.Input? {
        switch line {
        case headRed: return .headRed
        case headGreen: return .headGreen
        case floorRedSense: return .floorRedSense
        case floorGreenSense: return .floorGreenSense
        case motion: return .motion
        case lampCurrent: return .lampCurrent
        case photocell: return .photocell
        default:
            guard line.hasPrefix(presencePrefix), line.count > presencePrefix.count else { return nil }
            return .presence(slot: street.presenceSlot(zone: line.dropFirst(presencePrefix.count).lowercased()))
        }
    }
}

/// Simulated input lines, sampled from the street.
public struct SimInputLines: DigitalInputSet {
    private let street: Street
    private let inputs: [Street.Input]

    /// Opens the named input lines; a name the simulated chip lacks is `notFound`.
    public init(street: Street, lines: [String]) throws(HALError) {
        self.street = street
        var inputs: [Street.Input] = []
        for line in lines {
            guard let input = SimLines.input(line, on: street) else {
                throw HALError(.notFound, context: "line \"\(line)\" on chip \(SimLines.chipLabel) (not an input of the simulated board)")
            }
            inputs.append(input)
        }
        self.inputs = inputs
    }

    public var lineCount: Int { inputs.count }

    public mutating func sample(into levels: inout [LineLevel]) throws(HALError) {
        precondition(levels.count == inputs.count, "one level per line")
        street.sample(inputs, into: &levels)
    }
}

/// Simulated output lines; what is driven becomes part of the street (the floor lamps' sense, the
/// lamp's current).
public struct SimOutputLines: DigitalOutputSet {
    private let street: Street
    /// Each line's slot in `SimLines.outputNames`.
    private let slots: [Int]
    public let safeLevels: [LineLevel]
    /// What each line was last driven to; updated in place, so no tick copies an array.
    private var applied: [LineLevel]

    /// Opens the named output lines at their safe levels; a name the simulated chip lacks is `notFound`.
    public init(street: Street, lines: [String], safeLevels: [LineLevel]) throws(HALError) {
        precondition(lines.count == safeLevels.count, "one safe level per line")
        var slots: [Int] = []
        for line in lines {
            guard let slot = SimLines.outputSlot(line) else {
                throw HALError(.notFound, context: "line \"\(line)\" on chip \(SimLines.chipLabel) (not an output of the simulated board)")
            }
            slots.append(slot)
        }
        self.street = street
        self.slots = slots
        self.safeLevels = safeLevels
        applied = safeLevels
        for (slot, level) in zip(slots, safeLevels) {
            street.drive(slot: slot, level: level.isHigh)
        }
    }

    public var lineCount: Int { slots.count }

    public mutating func apply(_ levels: [LineLevel]) throws(HALError) {
        precondition(levels.count == slots.count, "one level per line")
        for index in slots.indices where levels[index] != applied[index] {
            street.drive(slot: slots[index], level: levels[index].isHigh)
            applied[index] = levels[index]
        }
    }
}
