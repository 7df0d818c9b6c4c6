import PoleConfig
import Testing

@Suite struct TOMLLineIndexTests {
    let index = TOMLLineIndex(text: """
        # comment = not a key
        board = "sim.toml"  # trailing comment

        [crosswalk]
        debounce = "40ms"
        "quoted.key" = 1

        [crosswalk.flash]
        min_pulse = "250ms"
        [lines]
        head_red = { line = "A#B" }
        site.id = "x"
        """)

    @Test func findsTopLevelKeysAndHeaders() {
        #expect(index.line(of: "board") == 2)
        #expect(index.line(of: "crosswalk") == 4)
        #expect(index.line(of: "crosswalk.flash") == 8)
    }

    @Test func findsKeysInsideTables() {
        #expect(index.line(of: "crosswalk.debounce") == 5)
        #expect(index.line(of: "crosswalk.flash.min_pulse") == 9)
        #expect(index.line(of: "crosswalk.quoted.key") == 6)
        #expect(index.line(of: "lines.site.id") == 12)
    }

    @Test func fallsBackToTheEnclosingKeyForInlineTables() {
        #expect(index.line(of: "lines.head_red.line") == 11)
        #expect(index.line(of: "crosswalk.flash.max_pulse") == 8)
    }

    @Test func unknownPathsHaveNoLine() {
        #expect(index.line(of: "nothing.here") == nil)
        #expect(index.line(of: "comment") == nil)
    }

    @Test func mapsALineBackToItsKey() {
        #expect(index.keyPath(atLine: 5) == "crosswalk.debounce")
        #expect(index.keyPath(atLine: 3) == nil)
    }
}
