import PoleHAL
import PoleSim
import PoleTesting
import Testing

@Suite struct SimInputLinesTests {
    @Test(arguments: ["HEAD_BLUE", "BEACON", "FLOOR_RED", "PRESENCE_", "head_red", ""])
    func unknownInputNameIsNotFound(name: String) {
        let street = Street(startUTCSeconds: 0)
        let error = expectError(HALError.self) {
            _ = try SimInputLines(street: street, lines: [SimLines.headRed, name])
        }
        #expect(error?.kind == .notFound)
        #expect(error?.context.contains("\"\(name)\"") == true)
        #expect(error?.context.contains(SimLines.chipLabel) == true)
    }

    @Test func samplesEveryInputFromTheStreetInLineOrder() throws {
        let street = Street(startUTCSeconds: 0)
        var lines = try SimInputLines(street: street, lines: [
            SimLines.headRed, SimLines.headGreen, SimLines.motion, SimLines.photocell, "PRESENCE_A", "PRESENCE_B",
        ])
        #expect(lines.lineCount == 6)
        var levels = [LineLevel](repeating: .high, count: 6)
        try lines.sample(into: &levels)
        #expect(levels == [.low, .low, .low, .low, .low, .low])

        street.apply(.head(.green))
        street.apply(.motion(true))
        street.apply(.presence(zone: "b", present: true))
        try lines.sample(into: &levels)
        #expect(levels == [.low, .high, .high, .low, .low, .high])

        street.apply(.head(.red))
        street.apply(.photocell(true))
        street.apply(.presence(zone: "a", present: true))
        street.apply(.presence(zone: "b", present: false))
        try lines.sample(into: &levels)
        #expect(levels == [.high, .low, .high, .high, .high, .low])
    }

    @Test func presenceZoneNamesAreUpperCasedLineNames() throws {
        let street = Street(startUTCSeconds: 0)
        var lines = try SimInputLines(street: street, lines: ["PRESENCE_NORTH"])
        street.apply(.presence(zone: "north", present: true))
        var levels: [LineLevel] = [.low]
        try lines.sample(into: &levels)
        #expect(levels == [.high])
    }
}

@Suite struct SimOutputLinesTests {
    @Test func drivesSafeLevelsAtOpen() throws {
        let street = Street(startUTCSeconds: 0)
        let lines = try SimOutputLines(
            street: street, lines: [SimLines.floorRed, SimLines.floorGreen, SimLines.lampRelay, "BEACON"],
            safeLevels: [.low, .low, .high, .low]
        )
        #expect(lines.lineCount == 4)
        #expect(street.driven == [SimLines.floorRed: false, SimLines.floorGreen: false, SimLines.lampRelay: true, "BEACON": false])
    }

    @Test func applyDrivesTheStreetAndSafeLevelsRestore() throws {
        let street = Street(startUTCSeconds: 0)
        var lines = try SimOutputLines(street: street, lines: [SimLines.floorGreen, SimLines.lampRelay], safeLevels: [.low, .high])
        try lines.apply([.high, .low])
        #expect(street.driven == [SimLines.floorGreen: true, SimLines.lampRelay: false])
        try lines.applySafeLevels()
        #expect(street.driven == [SimLines.floorGreen: false, SimLines.lampRelay: true])
    }

    @Test(arguments: ["FLOOR_BLUE", SimLines.headRed, SimLines.floorGreenSense, "floor_red"])
    func unknownOutputNameIsNotFound(name: String) {
        let street = Street(startUTCSeconds: 0)
        let error = expectError(HALError.self) {
            _ = try SimOutputLines(street: street, lines: [SimLines.floorRed, name], safeLevels: [.low, .low])
        }
        #expect(error?.kind == .notFound)
        #expect(street.driven.isEmpty, "a failed open drives nothing")
        #expect(error?.context.contains("\"\(name)\"") == true)
    }

    @Test func everyNamedOutputOpens() throws {
        let street = Street(startUTCSeconds: 0)
        let names = SimLines.outputs.sorted()
        let lines = try SimOutputLines(street: street, lines: names, safeLevels: names.map { _ in .low })
        #expect(lines.lineCount == 17)
        #expect(Set(street.driven.keys) == SimLines.outputs)
    }
}
