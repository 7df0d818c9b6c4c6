import Glibc
public import PoleHAL

/// Every GPIO line the daemon owns, requested once at start for the daemon's life.
///
/// Opening is all-or-nothing and in a fixed order: every line is located by name and checked free
/// first (a missing chip or line, or one held by another consumer, fails before anything is driven),
/// then inputs are requested, then outputs with their safe levels as the request's initial values.
/// If any step fails, whatever was requested is released. Closing drives the safe levels, then
/// releases. Confined to the loop's thread, like the handles it owns.
public final class GPIOBank<Access: GPIOChipAccess> {
    private let access: Access
    let inputSpecs: [GPIOLineSpec]
    let outputSpecs: [GPIOLineSpec]
    let inputPlan: GPIORequestPlan
    let outputPlan: GPIORequestPlan
    private var inputRequests: [Access.Request] = []
    private var outputRequests: [Access.Request] = []
    private var inputValues: [[Int32]]
    private var outputValues: [[Int32]]
    private var writtenValues: [[Int32]?]
    private var open = false

    /// Locates, checks and requests every line; throws the first problem, with the line's purpose.
    public init(access: Access, inputs: [GPIOLineSpec], outputs: [GPIOLineSpec], consumer: String) throws(HALError) {
        precondition(inputs.allSatisfy { $0.direction == .input }, "input specs are inputs")
        precondition(outputs.allSatisfy { $0.direction == .output }, "output specs are outputs")
        self.access = access
        inputSpecs = inputs
        outputSpecs = outputs
        let inputLocations = try Self.locate(inputs, access: access)
        let outputLocations = try Self.locate(outputs, access: access)
        try Self.checkDistinct(inputs + outputs, inputLocations + outputLocations)
        inputPlan = GPIORequestPlan(specs: inputs, locations: inputLocations)
        outputPlan = GPIORequestPlan(specs: outputs, locations: outputLocations)
        inputValues = inputPlan.groups.map { Array(repeating: 0, count: $0.members.count) }
        outputValues = outputPlan.groups.map { group in group.members.map { outputs[$0].safeLevel.isHigh ? 1 : 0 } }
        writtenValues = outputValues.map { $0 }
        do {
            try checkFree(inputPlan, specs: inputs)
            try checkFree(outputPlan, specs: outputs)
            try requestAll(consumer: consumer)
        } catch {
            access.closeAll()
            throw error
        }
        open = true
    }

    private static func locate(_ specs: [GPIOLineSpec], access: Access) throws(HALError) -> [GPIOLineLocation] {
        var locations: [GPIOLineLocation] = []
        for spec in specs {
            do {
                locations.append(try access.locate(spec.name, chipLabel: spec.chipLabel))
            } catch {
                throw HALError(error.kind, errno: error.errno, context: "\(spec.purpose): \(error.context)")
            }
        }
        return locations
    }

    private static func checkDistinct(_ specs: [GPIOLineSpec], _ locations: [GPIOLineLocation]) throws(HALError) {
        for (index, location) in locations.enumerated() {
            if let first = locations[..<index].firstIndex(of: location) {
                throw HALError(.busy, context: "\(specs[index].purpose): line \"\(specs[index].name)\" is "
                    + "\(location.chip) line \(location.offset), already used for \(specs[first].purpose)")
            }
        }
    }

    private func checkFree(_ plan: GPIORequestPlan, specs: [GPIOLineSpec]) throws(HALError) {
        for group in plan.groups {
            for (member, offset) in zip(group.members, group.offsets) {
                let usage = try access.usage(chip: group.chip, offset: offset)
                if usage.used {
                    let holder = usage.consumer.map { "\"\($0)\"" } ?? "another consumer"
                    throw HALError(.busy, errno: EBUSY, context: "\(specs[member].purpose): line \"\(specs[member].name)\" "
                        + "(\(group.chip) line \(offset)) is busy, held by \(holder)")
                }
            }
        }
    }

    private func requestAll(consumer: String) throws(HALError) {
        var requested: [Access.Request] = []
        do {
            for group in inputPlan.groups {
                requested.append(try access.request(group, consumer: consumer, defaults: []))
            }
            for (index, group) in outputPlan.groups.enumerated() {
                requested.append(try access.request(group, consumer: consumer, defaults: outputValues[index]))
            }
        } catch {
            for request in requested { access.release(request) }
            throw error
        }
        inputRequests = Array(requested[..<inputPlan.groups.count])
        outputRequests = Array(requested[inputPlan.groups.count...])
    }

    /// Reads every input group (one call per chip and flag set) into `levels`, in input-spec order.
    func sample(into levels: inout [LineLevel]) throws(HALError) {
        precondition(open, "sampling a closed GPIO bank")
        for group in inputPlan.groups.indices {
            try access.read(inputRequests[group], into: &inputValues[group])
        }
        for index in inputSpecs.indices {
            let value = inputValues[inputPlan.groupOfSpec[index]][inputPlan.slotOfSpec[index]]
            levels[index] = value != 0 ? .high : .low
        }
    }

    /// Writes the output groups whose values changed, one call per group.
    func apply(_ levels: [LineLevel]) throws(HALError) {
        precondition(open, "driving a closed GPIO bank")
        for index in outputSpecs.indices {
            outputValues[outputPlan.groupOfSpec[index]][outputPlan.slotOfSpec[index]] = levels[index].isHigh ? 1 : 0
        }
        for group in outputPlan.groups.indices where writtenValues[group] != outputValues[group] {
            try access.write(outputRequests[group], outputValues[group])
            writtenValues[group] = outputValues[group]
        }
    }

    /// Drives every output to its safe level (written whatever the cache says, since a failed write
    /// leaves the lines unknown), then releases every line and closes the chips.
    public func close() throws(HALError) {
        guard open else { return }
        defer {
            open = false
            for request in inputRequests + outputRequests { access.release(request) }
            access.closeAll()
        }
        writtenValues = writtenValues.map { _ in nil }
        try apply(outputSpecs.map(\.safeLevel))
    }

    /// The bank's input lines as the HAL sees them.
    public var inputSet: GPIOInputLines<Access> { GPIOInputLines(bank: self) }

    /// The bank's output lines as the HAL sees them.
    public var outputSet: GPIOOutputLines<Access> { GPIOOutputLines(bank: self) }
}

/// The input side of a `GPIOBank`.
public struct GPIOInputLines<Access: GPIOChipAccess>: DigitalInputSet {
    let bank: GPIOBank<Access>

    public var lineCount: Int { bank.inputSpecs.count }

    public mutating func sample(into levels: inout [LineLevel]) throws(HALError) {
        try bank.sample(into: &levels)
    }
}

/// The output side of a `GPIOBank`.
public struct GPIOOutputLines<Access: GPIOChipAccess>: DigitalOutputSet {
    let bank: GPIOBank<Access>

    public var lineCount: Int { bank.outputSpecs.count }

    public var safeLevels: [LineLevel] { bank.outputSpecs.map(\.safeLevel) }

    public mutating func apply(_ levels: [LineLevel]) throws(HALError) {
        try bank.apply(levels)
    }
}
