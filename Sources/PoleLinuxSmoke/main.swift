import Glibc
import PoleHAL
import PoleLinux

// PoleLinux against a real kernel's GPIO character device and i2c-dev, for the arm64 harness
// (Tests/HIL/arm64/run.sh): the guest makes a gpio-sim bank labelled "poled-arm64" with lines
// IN_A IN_B OUT_A OUT_B OUT_C at offsets 0…4, loads i2c-stub (SMBus only) and has a bit-banged
// adapter with plain transfers and nothing on it (i2c-gpio), then runs
//
//   PoleLinuxSmoke SIM_FOLDER STUB_I2C_DEVICE PLAIN_I2C_DEVICE
//
// Prints `HIL PASS n what` or `HIL FAIL n what: why` for each case; exits 1 on any failure.

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    print("usage: PoleLinuxSmoke SIM_FOLDER STUB_I2C_DEVICE PLAIN_I2C_DEVICE")
    exit(64)
}
exit(runCases(sim: GPIOSimLines(folder: arguments[1]), stubDevice: arguments[2], plainDevice: arguments[3]))

/// Runs the cases in order, printing each result; 0 when all passed.
func runCases(sim: GPIOSimLines, stubDevice: String, plainDevice: String) -> Int32 {
    var failures = 0

    func check(_ number: Int, _ what: String, _ body: () throws -> String?) {
        do {
            if let problem = try body() {
                failures += 1
                print("HIL FAIL \(number) \(what): \(problem)")
            } else {
                print("HIL PASS \(number) \(what)")
            }
        } catch {
            failures += 1
            print("HIL FAIL \(number) \(what): \(error)")
        }
    }

    // Bytes above 0x7F in the consumer: C's char is unsigned here, Swift's CChar is Int8.
    let consumer = "poled-arm64 보행자"
    let chip = "poled-arm64"
    func input(_ name: String, activeLow: Bool = false) -> GPIOLineSpec {
        GPIOLineSpec(name: name, chipLabel: chip, direction: .input, activeLow: activeLow, bias: .asIs, safeLevel: .low, purpose: "input \(name)")
    }
    func output(_ name: String, safe: LineLevel, activeLow: Bool = false) -> GPIOLineSpec {
        GPIOLineSpec(name: name, chipLabel: chip, direction: .output, activeLow: activeLow, bias: .asIs, safeLevel: safe, purpose: "output \(name)")
    }
    let inputs = [input("IN_A"), input("IN_B", activeLow: true)]
    let outputs = [output("OUT_A", safe: .low), output("OUT_B", safe: .high), output("OUT_C", safe: .high, activeLow: true)]
    func physical(_ offsets: [Int]) -> [Int?] { offsets.map(sim.value) }

    var opened: GPIOBank<Libgpiod>?
    check(1, "request by name with safe levels as initial values") {
        opened = try GPIOBank(access: Libgpiod(), inputs: inputs, outputs: outputs, consumer: consumer)
        let levels = physical([2, 3, 4])
        return levels == [0, 1, 0] ? nil : "OUT_A OUT_B OUT_C are \(levels), expected [0, 1, 0] (OUT_C active-low)"
    }
    guard let bank = opened else {
        print("0 passed, \(failures) failed")
        return 1
    }

    check(2, "bulk read of two inputs, one active-low") {
        var levels: [LineLevel] = [.low, .low]
        var inputSet = bank.inputSet
        var seen: [[LineLevel]] = []
        for up in [true, false] {
            guard sim.pull(0, up: up), sim.pull(1, up: up) else { return "cannot set the simulator's pulls" }
            try inputSet.sample(into: &levels)
            seen.append(levels)
        }
        return seen == [[.high, .low], [.low, .high]] ? nil : "read \(seen) for pulls up then down"
    }

    check(3, "bulk write of three outputs, one active-low") {
        var outputSet = bank.outputSet
        try outputSet.apply([.high, .low, .low])
        let driven = physical([2, 3, 4])
        try outputSet.apply(outputSet.safeLevels)
        let safe = physical([2, 3, 4])
        return driven == [1, 0, 1] && safe == [0, 1, 0] ? nil : "drove \(driven) (expected [1, 0, 1]), then \(safe) (expected [0, 1, 0])"
    }

    check(4, "a busy line is refused, its consumer named") {
        let held = [output("OUT_B", safe: .low)]
        guard let error = refusal({ () throws(HALError) in
            _ = try GPIOBank(access: Libgpiod(), inputs: [], outputs: held, consumer: "second")
        }) else {
            return "a second request of OUT_B succeeded"
        }
        return error.kind == .busy && error.context.contains("held by \"\(consumer)\"") ? nil : "\(error.kind): \(error.context)"
    }

    check(5, "a missing line is refused by name") {
        let missing = [input("NO_SUCH_LINE")]
        guard let error = refusal({ () throws(HALError) in
            _ = try GPIOBank(access: Libgpiod(), inputs: missing, outputs: [], consumer: "second")
        }) else {
            return "a line the chip lacks was found"
        }
        return error.kind == .notFound && error.context.contains("NO_SUCH_LINE") ? nil : "\(error.kind): \(error.context)"
    }

    check(6, "close releases every line") {
        try bank.close()
        let access = Libgpiod()
        defer { access.closeAll() }
        let location = try access.locate("IN_A", chipLabel: chip)
        let held = try (0...4).filter { try access.usage(chip: location.chip, offset: UInt32($0)).used }
        return held.isEmpty ? nil : "lines \(held) still held"
    }

    check(7, "an SMBus-only adapter is refused at open (I2C_FUNCS)") {
        guard let error = refusal({ () throws(HALError) in _ = try LinuxI2CBus(path: stubDevice) }) else {
            return "\(stubDevice) opened as a plain-I²C bus"
        }
        return error.kind == .unsupported && error.context.contains("I2C_FUNC_I2C") ? nil : "\(error.kind): \(error.context)"
    }

    check(8, "a write-then-read transaction nobody acknowledges is a NACK (I2C_RDWR)") {
        let bus = try LinuxI2CBus(path: plainDevice)
        // The SPS30's data-ready pointer, then its three-byte answer, with a repeated start between.
        let writeThenRead: [I2COperation] = [.write([0x02, 0x02]), .read(count: 3)]
        guard let error = refusal({ () throws(HALError) in
            _ = try bus.transaction(address: I2CAddress(0x69), operations: writeThenRead)
        }) else {
            return "a transaction to an empty bus succeeded"
        }
        let code = error.errno.map(String.init) ?? "none"
        return error.kind == .nack(.unknown) && error.errno == ENXIO ? nil : "\(error.kind), errno \(code): \(error.context)"
    }

    print("\(8 - failures) passed, \(failures) failed")
    return failures == 0 ? 0 : 1
}

/// The error `body` threw, or nil when it succeeded.
func refusal(_ body: () throws(HALError) -> Void) -> HALError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}
