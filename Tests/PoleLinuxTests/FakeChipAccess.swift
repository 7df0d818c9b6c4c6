import PoleHAL
import PoleLinux

/// GPIO chips in memory: named lines on chips, with scriptable failures and a log of every call.
final class FakeChipAccess: GPIOChipAccess {
    /// A request is the indices of its lines in `lines`.
    typealias Request = [Int]

    struct FakeLine {
        var chip: String
        var label: String
        var offset: UInt32
        var name: String
        var consumer: String?
    }

    var lines: [FakeLine]
    var failRequest: HALError?
    var failRead: HALError?
    private(set) var calls: [String] = []
    private(set) var values: [Int: Int32] = [:]
    private(set) var requested: Set<Int> = []

    init(lines: [FakeLine]) {
        self.lines = lines
    }

    func locate(_ name: String, chipLabel: String?) throws(HALError) -> GPIOLineLocation {
        calls.append("locate \(name)")
        guard let line = lines.first(where: { $0.name == name && (chipLabel == nil || $0.label == chipLabel) }) else {
            throw HALError(.notFound, errno: 2, context: "line \"\(name)\"")
        }
        return GPIOLineLocation(chip: line.chip, chipLabel: line.label, offset: line.offset)
    }

    func usage(chip: String, offset: UInt32) throws(HALError) -> GPIOLineUsage {
        let line = try index(chip: chip, offset: offset)
        return GPIOLineUsage(used: lines[line].consumer != nil, consumer: lines[line].consumer)
    }

    func request(_ group: GPIORequestPlan.Group, consumer: String, defaults: [Int32]) throws(HALError) -> [Int] {
        calls.append("request \(group.chip) \(group.direction == .output ? "out" : "in") \(group.offsets) defaults \(defaults)")
        if let failure = failRequest, group.direction == .output { throw failure }
        var request: [Int] = []
        for (slot, offset) in group.offsets.enumerated() {
            let line = try index(chip: group.chip, offset: offset)
            requested.insert(line)
            if group.direction == .output { values[line] = defaults[slot] }
            request.append(line)
        }
        return request
    }

    func read(_ request: [Int], into values: inout [Int32]) throws(HALError) {
        calls.append("read \(request)")
        if let failure = failRead { throw failure }
        for (index, line) in request.enumerated() { values[index] = self.values[line] ?? 0 }
    }

    func write(_ request: [Int], _ values: [Int32]) throws(HALError) {
        calls.append("write \(request) \(values)")
        for (index, line) in request.enumerated() { self.values[line] = values[index] }
    }

    func release(_ request: [Int]) {
        calls.append("release \(request)")
        for line in request { requested.remove(line) }
    }

    func closeAll() {
        calls.append("close")
    }

    private func index(chip: String, offset: UInt32) throws(HALError) -> Int {
        guard let index = lines.firstIndex(where: { $0.chip == chip && $0.offset == offset }) else {
            throw HALError(.notFound, context: "\(chip) line \(offset)")
        }
        return index
    }

    /// Sets what an input line reads.
    func set(_ line: Int, _ value: Int32) {
        values[line] = value
    }

    func value(_ line: Int) -> Int32? {
        values[line]
    }
}

extension GPIOLineSpec {
    static func input(_ name: String, bias: Bias = .asIs, activeLow: Bool = false) -> GPIOLineSpec {
        GPIOLineSpec(name: name, chipLabel: nil, direction: .input, activeLow: activeLow, bias: bias, safeLevel: .low, purpose: "role \(name.lowercased())")
    }

    static func output(_ name: String, safe: LineLevel = .low) -> GPIOLineSpec {
        GPIOLineSpec(name: name, chipLabel: nil, direction: .output, activeLow: false, bias: .asIs, safeLevel: safe, purpose: "role \(name.lowercased())")
    }
}
