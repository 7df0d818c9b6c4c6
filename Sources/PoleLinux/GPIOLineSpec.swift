public import PoleHAL

/// One GPIO line the daemon needs, as the board file describes it.
public struct GPIOLineSpec: Sendable, Hashable {
    /// Whether the daemon reads or drives the line.
    public enum Direction: Sendable, Hashable {
        case input
        case output
    }

    /// Bias of an input line.
    public enum Bias: Sendable, Hashable {
        case asIs, disabled, pullUp, pullDown
    }

    /// The line's name as the kernel reports it (`GPIO17`), never its number.
    public var name: String
    /// The label of the chip to search (`pinctrl-bcm2711`), when a name alone is ambiguous.
    public var chipLabel: String?
    public var direction: Direction
    public var activeLow: Bool
    public var bias: Bias
    /// For outputs: the level requested at start and driven before release.
    public var safeLevel: LineLevel
    /// What the line is for, for error messages (`role floor_green`).
    public var purpose: String

    public init(
        name: String, chipLabel: String?, direction: Direction, activeLow: Bool, bias: Bias, safeLevel: LineLevel,
        purpose: String
    ) {
        self.name = name
        self.chipLabel = chipLabel
        self.direction = direction
        self.activeLow = activeLow
        self.bias = bias
        self.safeLevel = safeLevel
        self.purpose = purpose
    }
}

/// Where a named line was found: its chip (by device name, e.g. `gpiochip0`) and offset.
public struct GPIOLineLocation: Sendable, Hashable {
    public var chip: String
    public var chipLabel: String
    public var offset: UInt32

    public init(chip: String, chipLabel: String, offset: UInt32) {
        self.chip = chip
        self.chipLabel = chipLabel
        self.offset = offset
    }
}
