public import PoleConfig
import PoleCore
public import PoleHAL
public import PoleLinux

/// Opens a real board's lines through libgpiod: every role bound in the board file, found by name.
public enum GPIOBoard {
    /// The line sets of a `gpiod` board.
    public typealias IO = PoleIO<GPIOInputLines<Libgpiod>, GPIOOutputLines<Libgpiod>>

    /// The consumer name other programs (`gpioinfo`) see on the daemon's lines.
    public static let consumer = "poled"

    /// The line specs of `board`'s roles, inputs and outputs in `BoardConfig.rolesInOpeningOrder`.
    public static func specs(_ board: BoardConfig) -> (inputs: [GPIOLineSpec], outputs: [GPIOLineSpec]) {
        let (inputRoles, outputRoles) = board.rolesInOpeningOrder
        func spec(_ role: Role) -> GPIOLineSpec? {
            guard let binding = board.binding(role) else { return nil }
            let bias: GPIOLineSpec.Bias
            switch binding.bias {
            case .asIs: bias = .asIs
            case .disabled: bias = .disabled
            case .pullUp: bias = .pullUp
            case .pullDown: bias = .pullDown
            }
            return GPIOLineSpec(
                name: binding.line, chipLabel: binding.chip, direction: role.direction == .input ? .input : .output,
                activeLow: binding.activeLow, bias: bias, safeLevel: LineLevel(asserted: binding.safeOn),
                purpose: "role \(role.name)"
            )
        }
        return (inputRoles.compactMap(spec), outputRoles.compactMap(spec))
    }

    /// Opens the board's PWM level outputs at their safe duty: the lamp full (fail lit), the spotlight off.
    static func openPWM(_ board: BoardConfig) throws(HALError) -> [(role: Role, channel: any PWMChannel)] {
        var channels: [(role: Role, channel: any PWMChannel)] = []
        for binding in board.pwm {
            let channel = try SysfsPWM(
                chip: binding.chip, channel: binding.channel, frequencyHz: binding.frequencyHz,
                safeDutyPercent: binding.role == .lampDim ? 100 : 0
            )
            channels.append((binding.role, channel))
        }
        return channels
    }

    /// Drives every output of `board` to its safe level and lets the lines go, for `poled safe-state`:
    /// all outputs in one request if possible, else line by line, so one busy or missing line does not
    /// keep the others from their safe level. Inputs are not touched. Returns the lines that failed.
    public static func driveSafe(_ board: BoardConfig) -> [HALError] {
        let outputs = specs(board).outputs
        var pwmFailures: [HALError] = []
        do {
            _ = try openPWM(board)
        } catch {
            pwmFailures.append(error)
        }
        do {
            try GPIOBank(access: Libgpiod(), inputs: [], outputs: outputs, consumer: consumer).close()
            return pwmFailures
        } catch {
            var failures = pwmFailures
            for output in outputs {
                do {
                    try GPIOBank(access: Libgpiod(), inputs: [], outputs: [output], consumer: consumer).close()
                } catch {
                    failures.append(error)
                }
            }
            return failures
        }
    }

    /// Requests every line of `configuration`'s board: nothing is driven unless all of them resolve.
    public static func open(_ configuration: PoleConfiguration) throws(HALError) -> (bank: GPIOBank<Libgpiod>, io: IO) {
        let board = configuration.board
        let (inputs, outputs) = specs(board)
        let bank = try GPIOBank(access: Libgpiod(), inputs: inputs, outputs: outputs, consumer: consumer)
        let channels: [(role: Role, channel: any PWMChannel)]
        do {
            channels = try openPWM(board)
        } catch {
            try? bank.close()
            throw error
        }
        let (inputRoles, outputRoles) = board.rolesInOpeningOrder
        let io = IO(
            inputLines: bank.inputSet, outputLines: bank.outputSet, inputRoles: inputRoles, outputRoles: outputRoles,
            presenceZones: board.presenceZones, pwm: channels
        )
        return (bank, io)
    }
}
