import PoleCore
import Testing

@Suite struct DurationTextTests {
    @Test(arguments: [
        ("500ms", 500), ("30s", 30_000), ("10m", 600_000), ("2h", 7_200_000), ("1h30m", 5_400_000),
        ("0s", 0), ("1m0s250ms", 60_250), ("90d", 7_776_000_000), ("1d12h", 129_600_000),
    ] as [(String, Int64)])
    func parsesWellFormedDurations(text: String, expected: Int64) throws {
        #expect(try DurationText.milliseconds(text).get() == expected)
    }

    @Test(arguments: [
        ("", DurationText.Problem.empty),
        ("30", .missingUnit),
        ("5 s", .unexpectedCharacter(" ")),
        ("1.5s", .unexpectedCharacter(".")),
        ("-3s", .unexpectedCharacter("-")),
        ("3sec", .unknownUnit("sec")),
        ("3w", .unknownUnit("w")),
        ("1h1d", .unitOutOfOrder("d")),
        ("30s1m", .unitOutOfOrder("m")),
        ("1s1s", .unitOutOfOrder("s")),
        ("99999999999999999999h", .tooLarge),
    ])
    func rejectsMalformedDurations(text: String, problem: DurationText.Problem) {
        #expect(throws: problem) { try DurationText.milliseconds(text).get() }
    }

    @Test(arguments: [0, 20, 1_000, 6_000, 90_000, 5_400_250, 86_400_000, 90_061_001] as [Int64])
    func formatRoundTrips(milliseconds: Int64) throws {
        #expect(try DurationText.milliseconds(DurationText.format(milliseconds: milliseconds)).get() == milliseconds)
    }
}
