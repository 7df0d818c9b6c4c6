import PoleHAL
import PoleTesting
import Testing

@Suite struct FakeOutputLinesTests {
    @Test func theRequestIsTheFirstWriteAtSafeLevels() {
        let clock = VirtualClock(monotonic: MonotonicInstant(nanoseconds: 5_000_000))
        let lines = FakeOutputLines(safeLevels: [.low, .high, .low], clock: clock)
        #expect(lines.lineCount == 3)
        #expect(lines.writes.count == 1)
        #expect(lines.writes[0].time.nanoseconds == 5_000_000)
        #expect(lines.writes[0].levels == [.low, .high, .low])
        #expect(lines.current == [.low, .high, .low])
    }

    @Test func recordsEveryWriteWithTheClocksTime() throws {
        let clock = VirtualClock()
        let lines = FakeOutputLines(safeLevels: [.low, .low], clock: clock)
        clock.advance(byNanoseconds: 20_000_000)
        try lines.apply([.high, .low])
        clock.advance(byNanoseconds: 20_000_000)
        try lines.apply([.low, .high])
        #expect(lines.writes.map(\.time.nanoseconds) == [0, 20_000_000, 40_000_000])
        #expect(lines.writes.map(\.levels) == [[.low, .low], [.high, .low], [.low, .high]])
        #expect(lines.current == [.low, .high])
    }

    @Test func applySafeLevelsWritesTheSafeState() throws {
        let clock = VirtualClock()
        var lines = FakeOutputLines(safeLevels: [.high, .low], clock: clock)
        try lines.apply([.low, .high])
        clock.advance(byNanoseconds: 1_000_000)
        try lines.applySafeLevels()
        #expect(lines.current == [.high, .low])
        #expect(lines.writes.last?.time.nanoseconds == 1_000_000)
        #expect(lines.writes.count == 3)
    }
}

@Suite struct FakeInputLinesTests {
    @Test func samplesTheLevelsTheTestSets() throws {
        let lines = FakeInputLines(count: 3)
        #expect(lines.lineCount == 3)
        var levels: [LineLevel] = [.high, .high, .high]
        try lines.sample(into: &levels)
        #expect(levels == [.low, .low, .low])
        lines.levels[1] = .high
        try lines.sample(into: &levels)
        #expect(levels == [.low, .high, .low])
        #expect(lines.samples == 2)
    }

    @Test func nextErrorThrowsOnceThenSamplingResumes() throws {
        let lines = FakeInputLines(count: 2)
        lines.levels = [.high, .low]
        let failure = HALError(.busy, errno: 16, context: "gpiochip0")
        lines.nextError = failure
        var levels: [LineLevel] = [.low, .low]
        #expect(throws: failure) { try lines.sample(into: &levels) }
        #expect(levels == [.low, .low])
        #expect(lines.samples == 0)
        #expect(lines.nextError == nil)
        try lines.sample(into: &levels)
        #expect(levels == [.high, .low])
        #expect(lines.samples == 1)
    }
}
