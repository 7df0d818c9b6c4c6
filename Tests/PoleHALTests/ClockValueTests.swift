import PoleHAL
import Testing

@Suite struct MonotonicInstantTests {
    @Test func advancedAddsNanoseconds() {
        let start = MonotonicInstant(nanoseconds: 1_500)
        #expect(start.advanced(byNanoseconds: 20_000_000).nanoseconds == 20_001_500)
        #expect(start.advanced(byNanoseconds: 0) == start)
        #expect(start.nanoseconds == 1_500)
    }

    @Test(arguments: [
        (0, 0), (999_999, 0), (1_000_000, 1), (1_999_999, 1), (20_000_000, 20), (86_400_000_000_000, 86_400_000),
    ] as [(UInt64, Int64)])
    func millisecondsTruncate(nanoseconds: UInt64, milliseconds: Int64) {
        #expect(MonotonicInstant(nanoseconds: nanoseconds).milliseconds == milliseconds)
    }

    @Test func ordersByNanoseconds() {
        let early = MonotonicInstant(nanoseconds: 10)
        let late = MonotonicInstant(nanoseconds: 11)
        #expect(early < late)
        #expect(!(late < early))
        #expect(!(early < early))
        #expect(early.advanced(byNanoseconds: 1) == late)
        #expect([late, early].max() == late)
    }
}

@Suite struct UTCInstantTests {
    @Test func ordersBySecondsThenNanoseconds() {
        #expect(UTCInstant(seconds: 1, nanoseconds: 999_999_999) < UTCInstant(seconds: 2))
        #expect(UTCInstant(seconds: 2, nanoseconds: 1) > UTCInstant(seconds: 2))
        #expect(UTCInstant(seconds: -1, nanoseconds: 500_000_000) < UTCInstant(seconds: 0))
        #expect(UTCInstant(seconds: 5) == UTCInstant(seconds: 5, nanoseconds: 0))
    }
}
