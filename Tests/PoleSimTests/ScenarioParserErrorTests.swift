import PoleSim
import Testing

/// Malformed scenarios are rejected with every problem named by its field.
@Suite struct ScenarioParserErrorTests {
    @Test func unknownHeadValueNamesStepAndField() throws {
        let problems = scenarioProblems(scenarioWithSteps(#"{ "at": "0s", "head": "blue" }"#))
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.field == "steps[0].head")
        #expect(problem.message.contains("\"blue\""))
        #expect(problem.message.contains("flashing-green"))
    }

    @Test func badDurationNamesTheStepsAt() throws {
        let problems = scenarioProblems(scenarioWithSteps("""
            { "at": "0s", "head": "red" }, { "at": "5x", "head": "green" }
            """))
        #expect(problems.map(\.field) == ["steps[1].at"])
        #expect(problems.first?.message.contains("\"5x\"") == true)
    }

    @Test func missingStart() {
        let problems = scenarioProblems(#"{ "duration": "10m", "steps": [] }"#)
        #expect(problems.map(\.field) == ["start"])
        #expect(problems.first?.message.hasPrefix("missing") == true)
    }

    @Test func missingDurationAndSteps() {
        let problems = scenarioProblems(#"{ "start": "2026-11-25T18:00:00+09:00" }"#)
        #expect(Set(problems.map(\.field)) == ["duration", "steps"])
    }

    @Test func unknownTopLevelField() {
        let problems = scenarioProblems(#"{ "start": "2026-11-25T18:00:00+09:00", "duration": "1m", "steps": [], "speed": 2 }"#)
        #expect(problems.map(\.field) == ["speed"])
        #expect(problems.first?.message.contains("unknown field") == true)
    }

    @Test func twoActionsInOneStep() throws {
        let problems = scenarioProblems(scenarioWithSteps(#"{ "at": "0s", "head": "red", "motion": true }"#))
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.field == "steps[0]")
        #expect(problem.message.contains("head and motion"))
        #expect(problem.message.contains("one action per step"))
    }

    @Test func noActionInAStep() {
        let problems = scenarioProblems(scenarioWithSteps(#"{ "at": "0s" }"#))
        #expect(problems.map(\.field) == ["steps[0]"])
        #expect(problems.first?.message.contains("has no action") == true)
    }

    @Test func flashPeriodWithoutFlashingGreen() {
        let problems = scenarioProblems(scenarioWithSteps(#"{ "at": "0s", "head": "red", "flash_period": "800ms" }"#))
        #expect(problems.map(\.field) == ["steps[0].flash_period"])
    }

    @Test func flashPeriodOutOfRange() {
        let problems = scenarioProblems(scenarioWithSteps(#"{ "at": "0s", "head": "flashing-green", "flash_period": "5s" }"#))
        #expect(problems.map(\.field) == ["steps[0].flash_period"])
        #expect(problems.first?.message.contains("out of range") == true)
    }

    @Test func invalidJSON() throws {
        let problems = scenarioProblems(#"{ "start": "2026-11-25T18:00:00+09:00", "#)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.field == "")
        #expect(problem.message.hasPrefix("not valid JSON"))
    }

    @Test func topLevelMustBeAnObject() {
        let problems = scenarioProblems("[1, 2]")
        #expect(problems.map(\.field) == [""])
        #expect(problems.first?.message.contains("found an array") == true)
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let problems = scenarioProblems("""
            { "start": "tomorrow", "duration": "10m", "steps": [
                { "at": "0s", "head": "blue" },
                { "at": "1s", "motion": "yes" },
                { "at": "2s", "presence": { "zone": "a" } },
                { "at": "3s", "lux": -1 } ] }
            """)
        #expect(problems.map(\.field) == [
            "start", "steps[0].head", "steps[1].motion", "steps[2].presence.value", "steps[3].lux",
        ])
    }

    @Test func stepAfterTheEnd() {
        let problems = scenarioProblems(scenarioWithSteps(#"{ "at": "2m", "head": "red" }"#, duration: "1m"))
        #expect(problems.map(\.field) == ["steps[0].at"])
        #expect(problems.first?.message.contains("after the scenario's end") == true)
    }

    @Test func zeroDurationIsRejected() {
        #expect(scenarioProblems(scenarioWithSteps("", duration: "0s")).map(\.field) == ["duration"])
    }

    @Test func unknownFieldInAStepAndInANestedObject() {
        let problems = scenarioProblems(scenarioWithSteps("""
            { "at": "0s", "head": "red", "colour": "red" },
            { "at": "0s", "presence": { "zone": "a", "value": true, "who": "x" } }
            """))
        #expect(problems.map(\.field) == ["steps[0].colour", "steps[1].presence.who"])
    }

    @Test func pm10BelowPM25() {
        let problems = scenarioProblems(scenarioWithSteps(#"{ "at": "0s", "pm": { "pm2_5": 50, "pm10": 20 } }"#))
        #expect(problems.map(\.field) == ["steps[0].pm.pm10"])
    }

    @Test func i2cNeedsExactlyOneOfFaultOrFrame() {
        let both = scenarioProblems(scenarioWithSteps(#"{ "at": "0s", "i2c": { "device": "pm", "fault": "nack", "frame": "00" } }"#))
        #expect(both.map(\.field) == ["steps[0].i2c"])
        let neither = scenarioProblems(scenarioWithSteps(#"{ "at": "0s", "i2c": { "device": "pm" } }"#))
        #expect(neither.map(\.field) == ["steps[0].i2c"])
    }

    @Test func i2cBadValues() {
        let problems = scenarioProblems(scenarioWithSteps("""
            { "at": "0s", "i2c": { "device": "co2", "fault": "nack" } },
            { "at": "0s", "i2c": { "device": "pm", "fault": "smoke" } },
            { "at": "0s", "i2c": { "device": "pm", "frame": "0G" } },
            { "at": "0s", "i2c": { "device": "pm", "frame": "001" } },
            { "at": "0s", "i2c": { "device": "pm", "frame": "00", "for": "1s" } }
            """))
        #expect(problems.map(\.field) == [
            "steps[0].i2c.device", "steps[1].i2c.fault", "steps[2].i2c.frame", "steps[3].i2c.frame", "steps[4].i2c.for",
        ])
    }

    @Test func badCommand() {
        let problems = scenarioProblems(scenarioWithSteps("""
            { "at": "0s", "command": { "faults_clear": 3 } },
            { "at": "0s", "command": { "reboot": true } }
            """))
        #expect(problems.map(\.field) == ["steps[0].command.faults_clear", "steps[1].command.reboot", "steps[1].command"])
    }

    @Test func badSeed() {
        let problems = scenarioProblems(#"{ "start": "2026-11-25T18:00:00+09:00", "duration": "1m", "seed": -1, "steps": [] }"#)
        #expect(problems.map(\.field) == ["seed"])
        #expect(scenarioProblems(#"{ "start": "2026-11-25T18:00:00+09:00", "duration": "1m", "seed": 1.5, "steps": [] }"#).map(\.field) == ["seed"])
    }

    @Test func valuesMustHaveTheRightJSONType() {
        let problems = scenarioProblems(scenarioWithSteps("""
            { "at": "0s", "motion": 1 },
            { "at": "0s", "lux": true },
            { "at": "0s", "lux": "3" },
            { "at": 30, "head": "red" },
            { "at": "0s", "presence": { "zone": 1, "value": true } }
            """))
        #expect(problems.map(\.field) == [
            "steps[0].motion", "steps[1].lux", "steps[2].lux", "steps[3].at", "steps[4].presence.zone",
        ])
    }

    @Test func stepMustBeAnObject() {
        #expect(scenarioProblems(scenarioWithSteps(#""red""#)).map(\.field) == ["steps[0]"])
    }

    @Test func errorDescriptionNamesFileFieldAndMessageOnePerLine() throws {
        let text = scenarioWithSteps("""
            { "at": "0s", "head": "blue" }, { "at": "5x", "motion": true }
            """)
        guard case .failure(let error) = ScenarioParser.parse(file: "day.json", bytes: Array(text.utf8)) else {
            Issue.record("scenario was accepted")
            return
        }
        let lines = error.description.split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        #expect(lines[0].hasPrefix("day.json: steps[0].head: \"blue\" is not one of red, green, flashing-green, dark, red+green"))
        #expect(lines[1].hasPrefix("day.json: steps[1].at: \"5x\" "))
        #expect(error.problems.map(\.description) == lines.map { String($0.dropFirst("day.json: ".count)) })
    }

    @Test func fileLevelProblemHasNoFieldPrefix() throws {
        guard case .failure(let error) = ScenarioParser.parse(file: "day.json", bytes: Array("nope".utf8)) else {
            Issue.record("scenario was accepted")
            return
        }
        #expect(error.description.hasPrefix("day.json: not valid JSON"))
    }
    /// Out-of-range and mistyped values, as a fuzzer or a hostile tester writes them, are named by
    /// step and field: nothing reaches the street or the core unchecked.
    @Test(arguments: [
        (#"{ "at": "0s", "lux": 1e300 }"#, "steps[0].lux", "1e+300 is out of range"),
        (#"{ "at": "0s", "lux": -1 }"#, "steps[0].lux", "-1 is out of range"),
        (#"{ "at": "99999999999999999999d", "head": "red" }"#, "steps[0].at", "is too large"),
        (#"{ "at": "0s", "utc": "99999-01-01T00:00:00Z" }"#, "steps[0].utc", "is not an RFC 3339 time"),
        (#"{ "at": "0s", "utc": "2026-13-99T00:00:00Z" }"#, "steps[0].utc", "is not an RFC 3339 time"),
        (#"{ "at": "0s", "utc": 1e300 }"#, "steps[0].utc", "expected a string"),
        (#"{ "at": "0s", "pm": { "pm2_5": 1e300, "pm10": 1e300 } }"#, "steps[0].pm.pm2_5", "is out of range"),
        (#"{ "at": "0s", "head": "flashing-green", "flash_period": "-1s" }"#, "steps[0].flash_period", "where a whole number was expected"),
        (#"{ "at": "0s", "i2c": { "device": "pm", "fault": "nack", "for": "9999999d" } }"#, "steps[0].i2c.for", "is out of range"),
        (#"{ "at": "0s", "i2c": { "device": "pm", "frame": "zz" } }"#, "steps[0].i2c.frame", "is not a hex byte"),
        (#"{ "at": "0s", "presence": { "zone": 7, "value": 1 } }"#, "steps[0].presence.value", "expected true or false"),
    ])
    func hostileValuesAreNamedByStepAndField(step: String, field: String, message: String) throws {
        let problems = scenarioProblems(scenarioWithSteps(step))
        let problem = try #require(problems.first { $0.field == field }, "\(problems)")
        #expect(problem.message.contains(message), "\(problem.message)")
    }

    @Test func aHugeSeedIsNamed() {
        let problems = scenarioProblems(#"{ "start": "2026-11-25T18:00:00Z", "duration": "1m", "seed": 1e300, "steps": [] }"#)
        #expect(problems.map(\.field) == ["seed"])
    }
}
