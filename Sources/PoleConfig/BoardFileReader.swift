import PoleCore
import PoleTOML

/// Reads and validates a board file into a `BoardConfig`.
///
/// Checks: known sections and keys, known role names, every binding a table with a `line`, options
/// that fit the role's direction, no line bound to two roles, I²C roles with a sensor of the right
/// kind at a valid address.
enum BoardFileReader {
    static func read(_ document: TOMLDocument, log: inout IssueLog) -> BoardConfig {
        var root = TableReader(root: document)
        var board = BoardConfig(file: document.file, name: document.file, backend: .sim, lines: [], i2c: [])
        if var header = root.table("board", log: &log) {
            board.name = header.string("name", log: &log) ?? board.name
            let backends: [(String, BoardConfig.Backend)] = [("sim", .sim), ("gpiod", .gpiod)]
            board.backend = header.choice("backend", backends, log: &log) ?? .sim
            if header.raw("backend") == nil {
                log.add(header.issue("backend", "missing; expected \"sim\" or \"gpiod\""))
            }
            header.finish(log: &log)
        } else {
            log.add(root.issue("board", "missing [board] table with name and backend"))
        }
        if var lines = root.table("lines", log: &log) {
            board.lines = readLines(&lines, log: &log)
        }
        if var devices = root.table("i2c", log: &log) {
            board.i2c = readI2C(&devices, log: &log)
        }
        if var channels = root.table("pwm", log: &log) {
            board.pwm = readPWM(&channels, lines: board.lines, log: &log)
        }
        root.finish(log: &log)
        return board
    }

    private static func readLines(_ table: inout TableReader, log: inout IssueLog) -> [BoardConfig.LineBinding] {
        var bindings: [BoardConfig.LineBinding] = []
        var owners: [String: (role: Role, line: Int?)] = [:]
        for key in table.presentKeys {
            guard let role = Role(name: key) else {
                _ = table.raw(key)
                log.add(table.issue(key, "unknown role; expected one of: \(Role.acceptedNames.joined(separator: ", "))"))
                continue
            }
            guard var entry = table.table(key, log: &log) else { continue }
            guard let binding = readBinding(role: role, &entry, log: &log) else { continue }
            entry.finish(log: &log)
            let lineKey = (binding.chip.map { "\($0)/" } ?? "") + binding.line
            if let owner = owners[lineKey] {
                let at = owner.line.map { " (line \($0))" } ?? ""
                log.add(entry.issue("line", "\(TOMLText.quoted(binding.line)) is also bound to role \(owner.role)\(at); a line serves one role"))
            } else {
                owners[lineKey] = (role, entry.line(of: "line"))
            }
            bindings.append(binding)
        }
        table.finish(log: &log)
        return bindings.sorted { $0.role < $1.role }
    }

    private static func readBinding(
        role: Role, _ entry: inout TableReader, log: inout IssueLog
    ) -> BoardConfig.LineBinding? {
        let line = entry.string("line", log: &log)
        if entry.raw("line") == nil {
            log.add(entry.issue("", "missing key line; expected the line's name, e.g. line = \"GPIO17\""))
        }
        if let line, line.isEmpty {
            log.add(entry.issue("line", "is empty; expected the line's name, e.g. \"GPIO17\""))
        }
        let chip = entry.string("chip", log: &log)
        let activeLow = entry.bool("active_low", log: &log) ?? false
        var bias = BoardConfig.Bias.asIs
        var safeOn = role.defaultSafeOn
        switch role.direction {
        case .input:
            let biases: [(String, BoardConfig.Bias)] = [
                ("as-is", .asIs), ("disabled", .disabled), ("pull-up", .pullUp), ("pull-down", .pullDown),
            ]
            bias = entry.choice("bias", biases, log: &log) ?? .asIs
        case .output:
            safeOn = entry.choice("safe", [("on", true), ("off", false)], log: &log) ?? safeOn
        }
        guard let line, !line.isEmpty else { return nil }
        return BoardConfig.LineBinding(role: role, line: line, chip: chip, activeLow: activeLow, bias: bias, safeOn: safeOn)
    }

    private static func readPWM(
        _ table: inout TableReader, lines: [BoardConfig.LineBinding], log: inout IssueLog
    ) -> [BoardConfig.PWMBinding] {
        var bindings: [BoardConfig.PWMBinding] = []
        for key in table.presentKeys.sorted() {
            guard let role = Role(name: key), role == .lampDim || role == .spotlight else {
                _ = table.raw(key)
                log.add(table.issue(key, "not a level role; PWM drives lamp_dim or spotlight"))
                continue
            }
            guard var entry = table.table(key, log: &log) else { continue }
            let chip = entry.string("chip", log: &log)
            if entry.raw("chip") == nil { log.add(entry.issue("", "missing key chip; expected the sysfs PWM chip, e.g. \"pwmchip0\"")) }
            let channel = entry.integer("channel", range: 0...63, log: &log) ?? 0
            let frequency = entry.integer("frequency_hz", range: 10...100_000, log: &log) ?? 1_000
            entry.finish(log: &log)
            if lines.contains(where: { $0.role == role }) {
                log.add(entry.issue("", "\(role.name) is bound to a line too; a level role is a line or a PWM channel, not both"))
            }
            guard let chip else { continue }
            bindings.append(BoardConfig.PWMBinding(role: role, chip: chip, channel: channel, frequencyHz: frequency))
        }
        table.finish(log: &log)
        return bindings
    }

    private static func readI2C(_ table: inout TableReader, log: inout IssueLog) -> [BoardConfig.I2CDevice] {
        let accepted: [String: [BoardConfig.SensorKind]] = ["pm": [.sps30, .pmsa003i], "lux": [.bh1750]]
        var devices: [BoardConfig.I2CDevice] = []
        for key in table.presentKeys.sorted() {
            guard let kinds = accepted[key] else {
                _ = table.raw(key)
                log.add(table.issue(key, "unknown I²C role; expected pm or lux"))
                continue
            }
            guard var entry = table.table(key, log: &log) else { continue }
            let sensor = entry.choice("sensor", kinds.map { ($0.rawValue, $0) }, log: &log)
            if entry.raw("sensor") == nil {
                log.add(entry.issue("", "missing key sensor; expected one of \(kinds.map(\.rawValue).joined(separator: ", "))"))
            }
            let bus = entry.string("bus", log: &log)
            if entry.raw("bus") == nil {
                log.add(entry.issue("", "missing key bus; expected \"/dev/i2c-N\" or \"sim\""))
            }
            let address = entry.integer("address", range: 0x08...0x77, log: &log)
            entry.finish(log: &log)
            guard let sensor, let bus else { continue }
            devices.append(BoardConfig.I2CDevice(
                role: key, bus: bus, address: address.map(UInt8.init) ?? sensor.defaultAddress, sensor: sensor
            ))
        }
        table.finish(log: &log)
        return devices
    }
}
