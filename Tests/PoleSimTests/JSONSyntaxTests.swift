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

    /// The reader's own errors are `PoleJSONTests`'; here, that a scenario passes one on whole.
    @Test func aScenarioWithASyntaxErrorSaysWhereAsTheReaderDoes() {
        #expect(syntaxMessage("{\"start\": \"x\",\n \"steps\": [ {\"at\": \"0s\" \"head\": \"red\"} ] }")
            == "not valid JSON: line 2, column 25: expected ',' or '}' after field \"at\"")
    }
}
