import PoleHAL
import PoleSim
import Testing

@Suite struct InvariantMonitorTests {
    /// A street, its floor lines as poled drives them, and a monitor ticking every 20 ms.
    struct Rig {
        let street = Street(startUTCSeconds: 0)
        var floor: SimOutputLines
        var monitor = InvariantMonitor(allowanceMs: 100, floorRedLine: SimLines.floorRed, floorGreenLine: SimLines.floorGreen)

        init() throws {
            floor = try SimOutputLines(street: street, lines: [SimLines.floorRed, SimLines.floorGreen], safeLevels: [.low, .low])
        }

        /// Drives the floor at `timeMs` and checks.
        mutating func tick(_ timeMs: Int64, red: Bool = false, green: Bool = false) throws {
            street.advance(toMs: timeMs)
            try floor.apply([LineLevel(asserted: red), LineLevel(asserted: green)])
            monitor.check(street)
        }
    }

    @Test func normalFollowingBreaksNothing() throws {
        var rig = try Rig()
        rig.street.apply(.head(.red))
        for t in stride(from: Int64(0), to: 1_000, by: 20) { try rig.tick(t, red: t >= 60) }
        rig.street.apply(.head(.green))
        for t in stride(from: Int64(1_000), to: 2_000, by: 20) { try rig.tick(t, red: t < 1_060, green: t >= 1_060) }
        rig.street.apply(.head(.red))
        // The floor leaves green within the allowance (last green seen at 1 980 ms).
        for t in stride(from: Int64(2_000), to: 3_000, by: 20) { try rig.tick(t, red: t >= 2_060, green: t < 2_060) }
        #expect(rig.monitor.violations.isEmpty)
    }

    @Test func floorGreenMayFollowAFlashingHeadThroughItsDarkHalf() throws {
        var rig = try Rig()
        rig.street.apply(.head(.green))
        try rig.tick(0, green: true)
        rig.street.apply(.head(.flashingGreen(periodMs: 1_000)))
        // The head is lit for the first 500 ms of each period; the floor may stay green up to the
        // allowance (100 ms) after the last lit sample, and must be dark for the rest of the gap.
        for t in stride(from: Int64(20), to: 3_000, by: 20) {
            let phase = t % 1_000
            try rig.tick(t, green: phase < 500 + 100)
        }
        #expect(rig.monitor.violations.isEmpty)
    }

    @Test func floorGreenWithTheHeadNeverGreenIsInvariant1() throws {
        var rig = try Rig()
        rig.street.apply(.head(.red))
        try rig.tick(0)
        try rig.tick(20, green: true)
        let violation = try #require(rig.monitor.violations.first)
        #expect(rig.monitor.violations.count == 1)
        #expect(violation.invariant == 1)
        #expect(violation.atMs == 20)
        #expect(violation.detail.contains("never"))
        #expect(violation.description.hasPrefix("t=20ms invariant 1: "))
    }

    @Test func floorGreenPastTheAllowanceAfterTheHeadLeftGreenIsInvariant1() throws {
        var rig = try Rig()
        rig.street.apply(.head(.green))
        for t in stride(from: Int64(0), through: 980, by: 20) { try rig.tick(t, green: true) }
        rig.street.apply(.head(.red))
        // Head green last seen at 980 ms; the allowance runs to 1 080 ms.
        for t in stride(from: Int64(1_000), through: 1_080, by: 20) { try rig.tick(t, green: true) }
        #expect(rig.monitor.violations.isEmpty)
        try rig.tick(1_100, green: true)
        let violation = try #require(rig.monitor.violations.first)
        #expect(violation.invariant == 1)
        #expect(violation.atMs == 1_100)
        #expect(violation.detail.contains("120ms ago"))
    }

    @Test func bothFloorLinesDrivenIsInvariant2() throws {
        var rig = try Rig()
        rig.street.apply(.head(.green))
        try rig.tick(0, green: true)
        try rig.tick(20, red: true, green: true)
        #expect(rig.monitor.violations.map(\.invariant) == [2])
        #expect(rig.monitor.violations.first?.atMs == 20)
    }

    @Test func floorRedAloneIsNeverAViolation() throws {
        var rig = try Rig()
        rig.street.apply(.head(.dark))
        for t in stride(from: Int64(0), to: 2_000, by: 20) { try rig.tick(t, red: true) }
        #expect(rig.monitor.violations.isEmpty)
    }

    @Test func violationsAreBoundedToTheFirst100() throws {
        var rig = try Rig()
        rig.street.apply(.head(.red))
        for t in stride(from: Int64(0), to: 4_000, by: 20) { try rig.tick(t, red: true, green: true) }
        #expect(rig.monitor.violations.count == 100)
        #expect(rig.monitor.violations.first?.atMs == 0)
    }
}
