import PoleHAL
import PoleSim
import Testing

/// Floor and lamp faults change what the sense inputs report, whatever poled drives.
@Suite struct StreetFaultTests {
    /// A street with the floor lamps and their sense inputs opened as the simulated board does.
    struct Floor {
        let street = Street(startUTCSeconds: 0)
        var outputs: SimOutputLines
        var senses: SimInputLines

        init() throws {
            outputs = try SimOutputLines(street: street, lines: [SimLines.floorRed, SimLines.floorGreen], safeLevels: [.low, .low])
            senses = try SimInputLines(street: street, lines: [SimLines.floorRedSense, SimLines.floorGreenSense])
        }

        /// Drives red and green, then samples the two sense lines.
        mutating func sensed(red: Bool, green: Bool) throws -> [Bool] {
            try outputs.apply([LineLevel(asserted: red), LineLevel(asserted: green)])
            var levels: [LineLevel] = [.low, .low]
            try senses.sample(into: &levels)
            #expect(street.floorRedSensed == levels[0].isHigh)
            #expect(street.floorGreenSensed == levels[1].isHigh)
            return levels.map(\.isHigh)
        }
    }

    @Test func withoutFaultsTheSenseFollowsWhatIsDriven() throws {
        var floor = try Floor()
        #expect(try floor.sensed(red: false, green: false) == [false, false])
        #expect(try floor.sensed(red: true, green: false) == [true, false])
        #expect(try floor.sensed(red: false, green: true) == [false, true])
        #expect(try floor.sensed(red: true, green: true) == [true, true])
    }

    /// For each fault: what the sense reports when poled drives dark, red, green.
    @Test(arguments: [
        (FloorFault.greenStuckOn, [[false, true], [true, true], [false, true]]),
        (.redStuckOn, [[true, false], [true, false], [true, true]]),
        (.greenOut, [[false, false], [true, false], [false, false]]),
        (.redOut, [[false, false], [false, false], [false, true]]),
        (.none, [[false, false], [true, false], [false, true]]),
    ])
    func floorFaultOverridesTheSensedLine(fault: FloorFault, expected: [[Bool]]) throws {
        var floor = try Floor()
        floor.street.apply(.floorFault(fault))
        #expect(floor.street.floorFault == fault)
        #expect(try floor.sensed(red: false, green: false) == expected[0])
        #expect(try floor.sensed(red: true, green: false) == expected[1])
        #expect(try floor.sensed(red: false, green: true) == expected[2])
    }

    @Test func clearingAFloorFaultRestoresFollowing() throws {
        var floor = try Floor()
        floor.street.apply(.floorFault(.greenStuckOn))
        #expect(try floor.sensed(red: true, green: false) == [true, true])
        floor.street.apply(.floorFault(.none))
        #expect(try floor.sensed(red: true, green: false) == [true, false])
    }

    // MARK: lamp

    private func lampStreet(relayOn: Bool) throws -> (Street, SimOutputLines) {
        let street = Street(startUTCSeconds: 0)
        var relay = try SimOutputLines(street: street, lines: [SimLines.lampRelay], safeLevels: [.high])
        try relay.apply([LineLevel(asserted: relayOn)])
        return (street, relay)
    }

    @Test func lampCurrentFollowsTheRelayWithoutFaults() throws {
        #expect(try lampStreet(relayOn: true).0.lampCurrentFlows)
        #expect(try !lampStreet(relayOn: false).0.lampCurrentFlows)
    }

    @Test func lampWithoutADrivenRelayFailsLit() {
        #expect(Street(startUTCSeconds: 0).lampCurrentFlows)
    }

    @Test func lampOutHasNoCurrentWhileOn() throws {
        let (street, _) = try lampStreet(relayOn: true)
        street.apply(.lampFault(.out))
        #expect(!street.lampCurrentFlows)
    }

    @Test func lampStuckOnHasCurrentWhileOff() throws {
        let (street, _) = try lampStreet(relayOn: false)
        street.apply(.lampFault(.stuckOn))
        #expect(street.lampCurrentFlows)
    }

    @Test func cyclingLampRuns60sThenOut30sFromTheFaultTime() throws {
        let (street, _) = try lampStreet(relayOn: true)
        street.advance(toMs: 10_000)
        street.apply(.lampFault(.cycling))
        let expected: [(Int64, Bool)] = [
            (10_000, true), (69_999, true), (70_000, false), (99_999, false), (100_000, true), (159_999, true),
            (160_000, false),
        ]
        for (time, flows) in expected {
            street.advance(toMs: time)
            #expect(street.lampCurrentFlows == flows, "at \(time) ms")
        }
    }

    @Test func cyclingLampIsDarkWhileTheRelayIsOff() throws {
        let (street, relayLines) = try lampStreet(relayOn: false)
        var relay = relayLines
        street.apply(.lampFault(.cycling))
        #expect(!street.lampCurrentFlows)
        try relay.apply([.high])
        #expect(street.lampCurrentFlows)
    }

    @Test func lampCurrentIsReadThroughItsInputLine() throws {
        let (street, _) = try lampStreet(relayOn: true)
        var input = try SimInputLines(street: street, lines: [SimLines.lampCurrent])
        var levels: [LineLevel] = [.low]
        try input.sample(into: &levels)
        #expect(levels == [.high])
        street.apply(.lampFault(.out))
        try input.sample(into: &levels)
        #expect(levels == [.low])
    }
}
