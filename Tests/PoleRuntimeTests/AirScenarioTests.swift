import PoleConfig
import PoleRuntime
@testable import PoleStore
import Testing

/// Air quality on the simulated board: the simulated SPS30 polled once a second, 1-minute means,
/// the grade on the indicator, and a NACK burst that costs no value.
@Suite struct AirScenarioTests {
    @Test func theIndicatorFollowsTheMinuteGradeAndANackBurstCostsNoValue() throws {
        let sink = LineSink()
        _ = try SimulationRunner.run(
            configuration: Repository.configuration(), scenario: Repository.scenario("Tests/Scenarios/air/grade-change.json"), trace: sink
        )
        let lines = sink.lines.filter { $0.contains(#""air""#) || $0.contains("sensor.error") }
        #expect(lines == [
            #"{"t":0,"type":"output","name":"air","value":"off"}"#,
            #"{"t":60000,"type":"air","pm1":8.0,"pm2_5":10.0,"pm10":20,"grade":"good","cai":33,"aqi":53}"#,
            #"{"t":60000,"type":"output","name":"air","value":"good"}"#,
            #"{"t":120000,"type":"air","pm1":8.0,"pm2_5":10.0,"pm10":20,"grade":"good","cai":33,"aqi":53}"#,
            #"{"t":180000,"type":"air","pm1":40.0,"pm2_5":50.0,"pm10":90,"grade":"bad","cai":154,"aqi":137}"#,
            #"{"t":180000,"type":"output","name":"air","value":"bad"}"#,
            #"{"t":210120,"type":"event","name":"sensor.error","sensor":"pm","error":"nack(address)"}"#,
            #"{"t":210120,"type":"output","name":"air","value":"off"}"#,
            #"{"t":240000,"type":"air","pm1":40.0,"pm2_5":50.0,"pm10":90,"grade":"bad","cai":154,"aqi":137}"#,
            #"{"t":240000,"type":"output","name":"air","value":"bad"}"#,
            #"{"t":300000,"type":"air","pm1":40.0,"pm2_5":50.0,"pm10":90,"grade":"bad","cai":154,"aqi":137}"#,
        ])
    }

    /// The record shows the truncated means the indices are computed from, so a reader recomputing
    /// the AQI from PM2.5 9.0 and PM10 54 gets the 50 beside them.
    @Test func theRecordShowsTheTruncatedValuesTheIndicesUse() throws {
        let sink = LineSink()
        _ = try SimulationRunner.run(
            configuration: Repository.configuration(), scenario: Repository.scenario("Tests/Scenarios/air/truncation.json"), trace: sink
        )
        #expect(sink.lines.filter { $0.contains(#""type":"air""#) } == [
            #"{"t":60000,"type":"air","pm1":7.2,"pm2_5":9.0,"pm10":54,"grade":"moderate","cai":74,"aqi":50}"#,
            #"{"t":120000,"type":"air","pm1":7.2,"pm2_5":9.0,"pm10":54,"grade":"moderate","cai":74,"aqi":50}"#,
        ])
    }

    @Test func theMistRunsItsMinimumsThroughGradeChanges() throws {
        let sink = LineSink()
        _ = try SimulationRunner.run(
            configuration: Repository.configuration(), scenario: Repository.scenario("Tests/Scenarios/air/mist-hysteresis.json"), trace: sink
        )
        #expect(sink.lines.filter { $0.contains(#""name":"mist""#) || $0.contains(#""name":"air""#) } == [
            #"{"t":0,"type":"output","name":"air","value":"off"}"#,
            #"{"t":0,"type":"output","name":"mist","value":"off"}"#,
            #"{"t":60000,"type":"output","name":"air","value":"bad"}"#,
            #"{"t":60000,"type":"output","name":"mist","value":"on"}"#,
            #"{"t":240000,"type":"output","name":"air","value":"moderate"}"#,
            #"{"t":660000,"type":"output","name":"mist","value":"off"}"#,
            #"{"t":780000,"type":"output","name":"air","value":"bad"}"#,
            #"{"t":1260000,"type":"output","name":"mist","value":"on"}"#,
        ])
    }

    @Test func aCorruptFrameIsRejectedNotUsed() throws {
        let sink = LineSink()
        let scenario = try Repository.scenario(json: """
            { "start": "2026-11-25T12:00:00+09:00", "duration": "70s",
              "steps": [ { "at": "0s", "pm": { "pm2_5": 10.0, "pm10": 20.0 } },
                         { "at": "30s", "i2c": { "device": "pm", "fault": "crc", "for": "1500ms" } } ] }
            """)
        _ = try SimulationRunner.run(configuration: Repository.configuration(), scenario: scenario, trace: sink)
        #expect(sink.lines.contains(#"{"t":30060,"type":"event","name":"sensor.error","sensor":"pm","error":"crc"}"#))
        #expect(sink.lines.contains(#"{"t":60000,"type":"air","pm1":8.0,"pm2_5":10.0,"pm10":20,"grade":"good","cai":33,"aqi":53}"#))
    }
}

/// The SPS30's status register on the simulated board, which implements the sensor's real command
/// set: the status is read with 0xD206 and cleared with 0xD210, a write with nothing to read back.
@Suite struct SPS30StatusScenarioTests {
    /// A fan stopped for the first 5 s: the sticky flag is still set at the status read after the
    /// warm-up (0xD206), which reports it; the clear (0xD210) resets it, so the next minute's read is
    /// clean. No read ever follows a write-only command, so no transfer fails.
    @Test func aStoppedFanIsReadFromTheStatusRegisterAndCleared() throws {
        let sink = LineSink()
        let scenario = try Repository.scenario(json: """
            { "start": "2026-11-25T12:00:00+09:00", "duration": "3m",
              "steps": [ { "at": "0s", "pm": { "pm2_5": 10.0, "pm10": 20.0 } },
                         { "at": "0s", "i2c": { "device": "pm", "fault": "fan", "for": "5s" } } ] }
            """)
        _ = try SimulationRunner.run(configuration: Repository.configuration(), scenario: scenario, trace: sink)
        #expect(sink.lines.filter { $0.contains("sensor.error") } == [
            #"{"t":10060,"type":"event","name":"sensor.error","sensor":"pm","error":"fan"}"#,
        ])
    }
}

@Suite struct AbsentSensorTests {
    @Test func anAbsentSensorIsReportedAndTheActuatorStaysOff() throws {
        let sink = LineSink()
        let scenario = try Repository.scenario(json: """
            { "start": "2026-11-25T12:00:00+09:00", "duration": "3m",
              "steps": [ { "at": "0s", "pm": { "pm2_5": 90.0, "pm10": 200.0 } },
                         { "at": "0s", "i2c": { "device": "pm", "fault": "absent" } } ] }
            """)
        _ = try SimulationRunner.run(configuration: Repository.configuration(), scenario: scenario, trace: sink)
        #expect(sink.lines.contains(#"{"t":0,"type":"event","name":"sensor.error","sensor":"pm","error":"nack(address)"}"#))
        #expect(!sink.lines.contains { $0.contains(#""name":"mist","value":"on""#) })
        #expect(!sink.lines.contains { $0.contains(#""type":"air""#) && $0.contains("very-bad") }, "no value from an absent sensor")
    }

    @Test func veryBadAirRunsTheMist() throws {
        let sink = LineSink()
        let scenario = try Repository.scenario(json: """
            { "start": "2026-11-25T12:00:00+09:00", "duration": "3m",
              "steps": [ { "at": "0s", "pm": { "pm2_5": 90.0, "pm10": 200.0 } } ] }
            """)
        _ = try SimulationRunner.run(configuration: Repository.configuration(), scenario: scenario, trace: sink)
        #expect(sink.lines.contains(#"{"t":60000,"type":"output","name":"mist","value":"on"}"#))
        #expect(sink.lines.contains(#"{"t":60000,"type":"output","name":"air","value":"very-bad"}"#))
    }
}

@Suite struct PMSA003IBoardTests {
    @Test func aPMSA003IOnTheSimulatedBoardAnswersWithRealFrames() throws {
        let boardText = try String(decoding: ByteFile.readAll(path: Repository.root + "/boards/sim.toml", limit: 1 << 20), as: UTF8.self)
            .replacing("sensor = \"sps30\"\nbus = \"sim\"\naddress = 0x69", with: "sensor = \"pmsa003i\"\nbus = \"sim\"\naddress = 0x12")
        let configuration = try ConfigLoader.parse(
            site: nil, board: ("sim.toml", boardText), sources: ConfigSources(sitePath: nil, boardPath: nil, runtimeDirectory: "/tmp", userID: 0)
        )
        #expect(configuration.board.i2c.first { $0.role == "pm" }?.sensor == .pmsa003i)
        let sink = LineSink()
        let scenario = try Repository.scenario(json: """
            { "start": "2026-11-25T12:00:00+09:00", "duration": "2m",
              "steps": [ { "at": "0s", "pm": { "pm2_5": 40.0, "pm10": 60.0 } },
                         { "at": "30s", "i2c": { "device": "pm", "fault": "crc", "for": "2s" } } ] }
            """)
        _ = try SimulationRunner.run(configuration: configuration, scenario: scenario, trace: sink)
        #expect(sink.lines.contains(#"{"t":30000,"type":"event","name":"sensor.error","sensor":"pm","error":"checksum"}"#))
        #expect(
            sink.lines.contains(#"{"t":60000,"type":"air","pm1":null,"pm2_5":null,"pm10":null,"grade":null,"cai":null,"aqi":null}"#),
            "the first 30 s are the sensor's warm-up: too few samples for a minute"
        )
        #expect(sink.lines.contains(#"{"t":120000,"type":"air","pm1":32.0,"pm2_5":40.0,"pm10":60,"grade":"bad","cai":116,"aqi":112}"#))
    }
}
