import PoleSim
import Testing

/// Parses scenario text as a file named `test.json` would be.
func parseScenario(_ text: String) -> Result<Scenario, ScenarioError> {
    ScenarioParser.parse(file: "test.json", bytes: Array(text.utf8))
}

/// The problems of a scenario that must be rejected; records an issue if it was accepted.
func scenarioProblems(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [ScenarioError.Problem] {
    switch parseScenario(text) {
    case .success(let scenario):
        Issue.record("scenario was accepted: \(scenario)", sourceLocation: sourceLocation)
        return []
    case .failure(let error):
        #expect(error.file == "test.json", sourceLocation: sourceLocation)
        return error.problems
    }
}

/// A scenario with the usual header and these steps (JSON text of the array's items).
func scenarioWithSteps(_ steps: String, duration: String = "10m") -> String {
    """
    { "start": "2026-11-25T18:00:00+09:00", "duration": "\(duration)", "steps": [ \(steps) ] }
    """
}
