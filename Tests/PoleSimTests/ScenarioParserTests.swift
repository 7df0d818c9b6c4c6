import PoleSim
import Testing

/// A scenario with every step kind of docs/formats.md, "Scenario (JSON)", parses to the right actions
/// in time order.
@Suite struct ScenarioParserTests {
    static let designExample = """
        { "start": "2026-11-25T18:00:00+09:00", "duration": "10m", "seed": 42,
          "steps": [
            { "at": "0s",   "head": "red" },
            { "at": "30s",  "head": "green" },
            { "at": "45s",  "head": "flashing-green" },
            { "at": "50s",  "head": "red" },
            { "at": "60s",  "head": "red+green" },
            { "at": "70s",  "head": "dark" },
            { "at": "10s",  "presence": { "zone": "a", "value": true } },
            { "at": "12s",  "motion": true },
            { "at": "0s",   "lux": 3.0 },
            { "at": "0s",   "photocell": true },
            { "at": "0s",   "pm": { "pm2_5": 40.0, "pm10": 100.0 } },
            { "at": "5s",   "i2c": { "device": "pm", "fault": "nack", "for": "3s" } },
            { "at": "9s",   "i2c": { "device": "pm", "frame": "00 01 B0" } },
            { "at": "20s",  "lamp_fault": "out" },
            { "at": "40s",  "floor_fault": "green-stuck-on" },
            { "at": "50s",  "utc": "1970-01-01T00:00:00Z" },
            { "at": "80s",  "command": { "faults_clear": "all" } } ] }
        """

    @Test func designExampleHeader() throws {
        let scenario = try parseScenario(Self.designExample).get()
        #expect(scenario.startUTCSeconds == 1_795_597_200)  // 2026-11-25T09:00:00Z
        #expect(scenario.durationMs == 600_000)
        #expect(scenario.seed == 42)
        #expect(scenario.steps.count == 17)
    }

    @Test func designExampleStepsSortedByTimeThenFileOrder() throws {
        let scenario = try parseScenario(Self.designExample).get()
        let expected: [(Int64, Int, StreetAction)] = [
            (0, 0, .head(.red)),
            (0, 8, .lux(3.0)),
            (0, 9, .photocell(true)),
            (0, 10, .particulates(pm2_5: 40, pm10: 100)),
            (5_000, 11, .i2cFault(device: "pm", fault: .nack, durationMs: 3_000)),
            (9_000, 12, .i2cFrame(device: "pm", bytes: [0x00, 0x01, 0xB0])),
            (10_000, 6, .presence(zone: "a", present: true)),
            (12_000, 7, .motion(true)),
            (20_000, 13, .lampFault(.out)),
            (30_000, 1, .head(.green)),
            (40_000, 14, .floorFault(.greenStuckOn)),
            (45_000, 2, .head(.flashingGreen(periodMs: 1_000))),
            (50_000, 3, .head(.red)),
            (50_000, 15, .setUTC(seconds: 0)),
            (60_000, 4, .head(.redAndGreen)),
            (70_000, 5, .head(.dark)),
            (80_000, 16, .command(.clearFaults(nil, by: "scenario", reason: "steps[16]"))),
        ]
        try #require(scenario.steps.count == expected.count)
        for (step, (atMs, index, action)) in zip(scenario.steps, expected) {
            #expect(step.atMs == atMs, "step \(index)")
            #expect(step.index == index, "at \(atMs)")
            #expect(step.action == action, "step \(index)")
        }
    }

    @Test func headTestAspects() throws {
        let scenario = try parseScenario(scenarioWithSteps("""
            { "at": "0s", "head": "flashing-green", "flash_period": "800ms" },
            { "at": "1s", "head": "flashing-green" }
            """)).get()
        #expect(scenario.steps.map(\.action) == [.head(.flashingGreen(periodMs: 800)), .head(.flashingGreen(periodMs: 1_000))])
    }

    @Test func seedDefaultsToZeroAndStepsMayBeEmpty() throws {
        let scenario = try parseScenario(#"{ "start": "2026-01-01T00:00:00Z", "duration": "1h", "steps": [] }"#).get()
        #expect(scenario.seed == 0)
        #expect(scenario.steps.isEmpty)
        #expect(scenario.durationMs == 3_600_000)
        #expect(scenario.startUTCSeconds == 1_767_225_600)
    }

    @Test func descriptionIsAllowed() throws {
        let scenario = try parseScenario(#"{ "description": "x", "start": "2026-01-01T00:00:00Z", "duration": "1s", "steps": [] }"#).get()
        #expect(scenario.durationMs == 1_000)
    }

    @Test func otherStepForms() throws {
        let scenario = try parseScenario(scenarioWithSteps("""
            { "at": "1s", "i2c": { "device": "lux", "fault": "timeout" } },
            { "at": "2s", "i2c": { "device": "pm", "fault": "none" } },
            { "at": "3s", "i2c": { "device": "pm", "fault": "crc", "for": "500ms" } },
            { "at": "4s", "i2c": { "device": "pm", "fault": "absent" } },
            { "at": "5s", "command": { "faults_clear": ["conflict", "head-implausible"] } },
            { "at": "6s", "lamp_fault": "cycling" },
            { "at": "7s", "floor_fault": "none" },
            { "at": "8s", "presence": { "zone": "b", "value": false } },
            { "at": "9s", "i2c": { "device": "pm", "frame": "424d001c" } },
            { "at": "1m30s", "photocell": false },
            { "at": "2m", "i2c": { "device": "pm", "fault": "fan", "for": "1m" } }
            """)).get()
        #expect(scenario.steps.map(\.action) == [
            .i2cFault(device: "lux", fault: .timeout, durationMs: nil),
            .i2cFaultCleared(device: "pm"),
            .i2cFault(device: "pm", fault: .crc, durationMs: 500),
            .i2cFault(device: "pm", fault: .absent, durationMs: nil),
            .command(.clearFaults([.conflict, .headImplausible], by: "scenario", reason: "steps[4]")),
            .lampFault(.cycling),
            .floorFault(FloorFault.none),
            .presence(zone: "b", present: false),
            .i2cFrame(device: "pm", bytes: [0x42, 0x4D, 0x00, 0x1C]),
            .photocell(false),
            .i2cFault(device: "pm", fault: .fan, durationMs: 60_000),
        ])
        #expect(scenario.steps.last?.atMs == 120_000)
    }

    @Test func theRepositoryScenarioParses() throws {
        // Tests/Scenarios/head-cycle.json, inlined so the test does not depend on the working directory.
        let scenario = try parseScenario("""
            { "description": "One pedestrian signal cycle: red, green, flashing green, red.",
              "start": "2026-11-25T18:00:00+09:00", "duration": "40s", "seed": 1,
              "steps": [
                { "at": "0s",  "head": "red" },
                { "at": "10s", "head": "green" },
                { "at": "20s", "head": "flashing-green" },
                { "at": "26s", "head": "red" },
                { "at": "12s", "presence": { "zone": "a", "value": true } },
                { "at": "18s", "presence": { "zone": "a", "value": false } } ] }
            """).get()
        #expect(scenario.steps.map(\.atMs) == [0, 10_000, 12_000, 18_000, 20_000, 26_000])
        #expect(scenario.steps.map(\.index) == [0, 1, 4, 5, 2, 3])
    }
}
