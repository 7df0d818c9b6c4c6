public import PoleCore

/// The hardware of one pole: which line serves each role and which I²C device each sensor is.
///
/// Exists so the same site behaviour runs on a simulated pole, a Pi 4 and a Pi 5: everything that
/// differs between them is in this model, read from `boards/<name>.toml`.
public struct BoardConfig: Sendable, Hashable {
    /// Where the lines and buses come from.
    public enum Backend: String, Sendable, Hashable {
        /// The simulated street (`PoleSim`).
        case sim
        /// Linux GPIO character devices through libgpiod, and `/dev/i2c-N`.
        case gpiod
    }

    /// How an input line is biased.
    public enum Bias: String, Sendable, Hashable {
        case asIs = "as-is"
        case disabled
        case pullUp = "pull-up"
        case pullDown = "pull-down"
    }

    /// One role bound to one GPIO line.
    public struct LineBinding: Sendable, Hashable {
        public var role: Role
        /// The line's name as the kernel reports it (e.g. `GPIO17`), never its number.
        public var line: String
        /// The label of the chip to search, when a name is not unique across chips.
        public var chip: String?
        /// Whether the line is asserted at low voltage.
        public var activeLow: Bool
        /// Bias of an input line.
        public var bias: Bias
        /// For outputs: the level driven at start, on shutdown and by `safe-state`.
        public var safeOn: Bool
    }

    /// The particulate or light sensor kinds a board may declare.
    public enum SensorKind: String, Sendable, Hashable {
        case sps30, pmsa003i, bh1750

        /// The sensor's usual I²C address.
        public var defaultAddress: UInt8 {
            switch self {
            case .sps30: 0x69
            case .pmsa003i: 0x12
            case .bh1750: 0x23
            }
        }
    }

    /// One I²C sensor.
    public struct I2CDevice: Sendable, Hashable {
        /// `pm` or `lux`.
        public var role: String
        /// `/dev/i2c-N`, or `sim` on the simulated board.
        public var bus: String
        public var address: UInt8
        public var sensor: SensorKind
    }

    /// The board file as named by the user.
    public var file: String
    /// A human name for the board, shown by check-config and `polectl`.
    public var name: String
    public var backend: Backend
    /// Line bindings, sorted by role name.
    public var lines: [LineBinding]
    /// I²C sensors, sorted by role.
    public var i2c: [I2CDevice]
    /// Level outputs on PWM channels, sorted by role.
    public var pwm: [PWMBinding] = []

    /// A level role driven by a sysfs PWM channel instead of a line.
    public struct PWMBinding: Sendable, Hashable {
        /// `lamp_dim` or `spotlight`.
        public var role: Role
        /// The PWM chip's sysfs name, e.g. `pwmchip0`.
        public var chip: String
        public var channel: Int
        public var frequencyHz: Int
    }

    /// The binding of `role`, if the board has one.
    public func binding(_ role: Role) -> LineBinding? {
        lines.first { $0.role == role }
    }

    /// Presence zones bound on this board, sorted by name.
    public var presenceZones: [String] {
        lines.compactMap { binding in
            if case .presence(let zone) = binding.role { return zone }
            return nil
        }.sorted()
    }
}
