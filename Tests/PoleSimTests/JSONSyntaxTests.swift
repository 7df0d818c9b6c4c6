import PoleSim
import Testing

/// Scenario files with syntax errors: the message gives the line and column of the mistake.
@Suite struct JSONSyntaxTests {
    private func syntaxMessage(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let problems = scenarioProblems(text, sourceLocation: sourceLocation)
        #expect(problems.count == 1, sourceLocation: sourceLocation)
        #expect(problems.first?.field == "", sourceLocation: sourceLocation)
        return problems.first?.message ?? ""
    }

    @Test(arguments: [
        ("{\"start\": \"x\",\n \"steps\": [ {\"at\": \"0s\" \"head\": \"red\"} ] }",
         "not valid JSON: line 2, column 25: expected ',' or '}' after field \"at\""),
        ("{\"a\": 1,}", "not valid JSON: line 1, column 9: expected a field name in double quotes"),
        ("{\"a\": [1, 2,]}", "not valid JSON: line 1, column 13: expected a value (object, array, string, number, true, false or null)"),
        ("{\"a\": 01}", "not valid JSON: line 1, column 8: a number may not have leading zeros"),
        ("{\"a\": tru}", "not valid JSON: line 1, column 10: expected true"),
        ("{\"a\": \"x}", "not valid JSON: line 1, column 10: unterminated string"),
        ("{\"a\": 1, \"a\": 2}", "not valid JSON: line 1, column 10: duplicate field \"a\""),
        ("{} {}", "not valid JSON: line 1, column 4: unexpected text after the document"),
        ("", "not valid JSON: line 1, column 1: unexpected end of file; expected a value"),
        ("{\"a\": \"\\q\"}", "not valid JSON: line 1, column 10: unknown escape \\q"),
    ])
    func aSyntaxErrorNamesLineAndColumn(text: String, message: String) {
        #expect(syntaxMessage(text) == message)
    }

    @Test func deepNestingIsRefusedNotFollowed() {
        let text = "{\"a\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        #expect(syntaxMessage(text).contains("nested deeper than 64 levels"))
    }

    @Test func escapesAndUnicodeAreDecoded() throws {
        let text = scenarioWithSteps(#"{ "at": "0s", "presence": { "zone": "\u0061", "value": true } }"#)
        let scenario = try parseScenario("{ \"description\": \"caf\\u00e9 \\ud83d\\ude80 \\\"q\\\" \\n\", " + text.dropFirst()).get()
        #expect(scenario.steps.first?.action == .presence(zone: "a", present: true))
    }

    @Test func numbersInEveryFormAreRead() throws {
        let scenario = try parseScenario(scenarioWithSteps(#"{ "at": "0s", "lux": 1.5e2 }, { "at": "1s", "lux": -0 }"#)).get()
        #expect(scenario.steps.map(\.action) == [.lux(150), .lux(0)])
    }
}
