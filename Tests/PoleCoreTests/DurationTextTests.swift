import PoleCore
import Testing

@Suite struct DurationTextTests {
    @Test(arguments: [
        ("500ms", 500), ("30s", 30_000), ("10m", 600_000), ("2h", 7_200_000), ("1h30m", 5_400_000),
        ("0s", 0), ("1m0s250ms", 60_250),
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
        ("3d", .unknownUnit("d")),
        ("30s1m", .unitOutOfOrder("m")),
        ("1s1s", .unitOutOfOrder("s")),
        ("99999999999999999999h", .tooLarge),
    ])
    func rejectsMalformedDurations(text: String, problem: DurationText.Problem) {
        #expect(throws: problem) { try DurationText.milliseconds(text).get() }
    }

    @Test(arguments: [0, 20, 1_000, 6_000, 90_000, 5_400_250] as [Int64])
    func formatRoundTrips(milliseconds: Int64) throws {
        #expect(try DurationText.milliseconds(DurationText.format(milliseconds: milliseconds)).get() == milliseconds)
    }
}
