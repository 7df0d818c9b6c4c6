import PoleCore
import PoleTOML

/// Checks that span a whole board: roles that only make sense together, and buses that fit the backend.
enum BoardRules {
    static func check(_ board: BoardConfig, document: TOMLDocument, log: inout IssueLog) {
        let roles = Set(board.lines.map(\.role))
        let crosswalk = PoleConfiguration.crosswalkRoles
        let present = crosswalk.filter(roles.contains)
        if !present.isEmpty, present.count < crosswalk.count {
            let missing = crosswalk.filter { !roles.contains($0) }.map(\.name).joined(separator: ", ")
            log.add(issue(document, ["lines"], "a crosswalk needs head_red, head_green, floor_red and floor_green together; missing \(missing)"))
        }
        let senses: [Role] = [.floorRedSense, .floorGreenSense]
        if senses.contains(where: roles.contains), !senses.allSatisfy(roles.contains) {
            log.add(issue(document, ["lines"], "floor sensing needs floor_red_sense and floor_green_sense together"))
        }
        if senses.contains(where: roles.contains), present.isEmpty {
            log.add(issue(document, ["lines"], "floor sense inputs are bound but the board has no crosswalk"))
        }
        for binding in board.lines where binding.safeOn && mustFailOff(binding.role) {
            log.add(issue(document, ["lines", binding.role.name, "safe"], "\"on\" is not allowed: \(binding.role.name) must fail off "
                + "(a safe state that lights the floor or says \"cross\" is not safe)"))
        }
        if board.backend == .gpiod, let red = board.binding(.floorRed), let green = board.binding(.floorGreen),
           red.chip != green.chip || red.activeLow != green.activeLow {
            log.add(issue(document, ["lines", "floor_green"], "floor_red and floor_green must share a chip and active_low, so one "
                + "write switches both: never red and green lit together, even for one ioctl"))
        }
        if board.backend == .gpiod {
            for binding in board.lines where binding.chip == nil {
                log.add(issue(document, ["lines", binding.role.name, "chip"], "missing on a gpiod board; name the header chip "
                    + "(\"pinctrl-bcm2711\" on a Pi 4, \"pinctrl-rp1\" on a Pi 5) so a duplicate line name elsewhere cannot be taken"))
            }
        }
        var addressOwners: [String: String] = [:]
        for device in board.i2c {
            let slot = "\(device.bus)@\(device.address)"
            if let owner = addressOwners[slot] {
                log.add(issue(document, ["i2c", device.role, "address"], "0x\(String(device.address, radix: 16)) on \(device.bus) is also used by i2c.\(owner); two devices cannot share an address on one bus"))
            } else {
                addressOwners[slot] = device.role
            }
            let path = ["i2c", device.role, "bus"]
            switch board.backend {
            case .sim where device.bus != "sim":
                log.add(issue(document, path, "\(TOMLText.quoted(device.bus)) on a simulated board; expected \"sim\""))
            case .gpiod where !isI2CDevicePath(device.bus):
                log.add(issue(document, path, "\(TOMLText.quoted(device.bus)) is not an I²C device; expected \"/dev/i2c-N\""))
            default:
                break
            }
        }
    }

    /// Outputs whose safe level is off, whatever a board says.
    private static func mustFailOff(_ role: Role) -> Bool {
        switch role {
        case .floorRed, .floorGreen, .voice: true
        default: false
        }
    }

    /// A problem at the value of `path`, or at the nearest enclosing table that is written.
    private static func issue(_ document: TOMLDocument, _ path: [String], _ problem: String) -> ConfigIssue {
        ConfigIssue(file: document.file, line: document.line(of: path), keyPath: path.joined(separator: "."), problem: problem)
    }

    private static func isI2CDevicePath(_ path: String) -> Bool {
        let prefix = "/dev/i2c-"
        guard path.hasPrefix(prefix) else { return false }
        let number = path.dropFirst(prefix.count)
        return !number.isEmpty && number.count <= 3 && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
    }
}
