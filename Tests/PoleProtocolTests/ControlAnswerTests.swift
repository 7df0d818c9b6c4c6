import PoleJSON
import PoleProtocol
import Testing

/// Every answer reads back what it writes, writes protocol v1's field names, ignores fields a newer
/// daemon adds, and names the first field it cannot read.
@Suite struct ControlAnswerTests {
    static let sensor = SensorAnswer(
        role: "pm", kind: "sps30", bus: "/dev/i2c-1", address: "0x69", state: "failing", serial: "ABC", firmware: "2.3",
        lastSampleAgeMs: 840, errors: 3, lastError: "nack(address)", flags: ["fan"], cleaning: true
    )
    static let air = AirAnswer(pm1: 32.1, pm2_5: 40, pm10: 90, grade: "bad", cai: 120, aqi: 112, alert: "advisory", indicator: "bad", mist: "on")
    static let status = StatusAnswer(
        site: "gangnam-17", board: "/usr/share/poled/boards/pi4-crosswalk.toml", backend: "gpiod", healthy: false,
        daemon: .init(version: "0.1.0", pid: 812, uptimeMs: 60_030, utcMs: 1_795_597_260_030, snapshotAgeMs: 55, logLinesDropped: 2),
        loop: .init(tickMs: 20, ticks: 3_001, overruns: 1, latenessMaxMicroseconds: 240, stalled: false, stallAfterMs: 2_000),
        crosswalk: .init(head: "red", floor: "dark", floorLevel: 40, beacon: "off", voice: "none", spotlight: 50), lamp: .init(level: 30),
        night: true, air: air, faults: FaultsAnswer(latched: ["conflict"], active: ["conflict", "head-implausible"]),
        maintenance: .init(active: true, remainingMs: 299_970, test: .init(target: "beacon", remainingMs: 30_000)), sensors: [sensor],
        store: .init(path: "/var/lib/poled/poled.sqlite", fileBytes: 43_880, events: 12, airMinutes: 1, uplinkBacklog: 15, error: nil),
        uplink: .init(broker: "mqtt.example.org:8883", connected: false, sent: 0, inFlight: 0, problem: "broker refused the connection: not authorised")
    )
    static let bare = StatusAnswer(
        site: "s", board: "b", backend: "sim", healthy: true,
        daemon: .init(version: "0.1.0", pid: 1, uptimeMs: 0, utcMs: 0, snapshotAgeMs: 0, logLinesDropped: 0),
        loop: .init(tickMs: 20, ticks: 1, overruns: 0, latenessMaxMicroseconds: 0, stalled: false, stallAfterMs: 2_000),
        crosswalk: nil, lamp: nil, night: nil, air: nil, faults: FaultsAnswer(latched: [], active: []),
        maintenance: .init(active: false, remainingMs: nil, test: nil), sensors: [], store: nil, uplink: nil
    )

    private func roundTrip<Answer: ControlAnswer>(_ answer: Answer) throws -> Answer {
        let line = Array(answer.json.serialized.utf8)
        return try Answer(json: JSONReader.parse(line).get())
    }

    @Test func everyAnswerReadsBackWhatItWrites() throws {
        #expect(try roundTrip(Self.status) == Self.status)
        #expect(try roundTrip(Self.bare) == Self.bare)
        #expect(try roundTrip([Self.sensor]) == [Self.sensor])
        #expect(try roundTrip(Optional(Self.air)) == Self.air)
        #expect(try roundTrip(AirAnswer?.none) == nil)
        let line = LineAnswer(role: "floor_red", line: "FLOOR_RED", chip: nil, direction: "output", activeLow: true, value: 1)
        #expect(try roundTrip([line]) == [line])
        let event = EventAnswer(id: nil, utcMs: 1_795_597_209_150, monotonicMs: 9_150, name: "fault.cleared", fields: ["fault": "conflict", "by": "uid 0 gid 0"])
        #expect(try roundTrip([event]) == [event])
        #expect(try roundTrip(VersionAnswer(daemon: "0.1.0", protocolVersion: 1)) == VersionAnswer(daemon: "0.1.0", protocolVersion: 1))
        #expect(try roundTrip(CommandAnswer(done: "testing beacon for 30s")) == CommandAnswer(done: "testing beacon for 30s"))
    }

    /// The names protocol v1 promised: fields are only ever added, so these stay.
    @Test func statusWritesEveryFieldOfVersionOneAbsentFeaturesAsNull() {
        guard case .object(let fields) = Self.bare.json else {
            Issue.record("status is an object")
            return
        }
        #expect(fields.keys.sorted() == [
            "air", "backend", "board", "crosswalk", "daemon", "faults", "healthy", "lamp", "loop", "maintenance", "night", "sensors", "site", "store",
            "uplink",
        ])
        for absent in ["air", "crosswalk", "lamp", "night", "store", "uplink"] { #expect(fields[absent] == .null, "\(absent)") }
        #expect(Self.status.json["daemon"]?.serialized
            == #"{"log_lines_dropped":2,"pid":812,"snapshot_age_ms":55,"uptime_ms":60030,"utc_ms":1795597260030,"version":"0.1.0"}"#)
        #expect(Self.status.json["loop"]?.serialized
            == #"{"lateness_max_us":240,"overruns":1,"stall_after_ms":2000,"stalled":false,"tick_ms":20,"ticks":3001}"#)
        #expect(Self.sensor.json.serialized == #"{"address":"0x69","bus":"/dev/i2c-1","cleaning":true,"errors":3,"firmware":"2.3","flags":["fan"],"#
            + #""kind":"sps30","last_error":"nack(address)","last_sample_age_ms":840,"role":"pm","serial":"ABC","state":"failing"}"#)
        #expect(Self.air.json.serialized == #"{"alert":"advisory","aqi":112,"cai":120,"grade":"bad","indicator":"bad","mist":"on","pm1":32.1,"pm10":90,"pm2_5":40}"#)
    }

    @Test func fieldsANewerDaemonAddsAreIgnoredAndNullableOnesMayBeAbsent() throws {
        guard case .object(var fields) = Self.bare.json else { return }
        fields["solar_panel"] = .object(["watts": .integer(12)])
        fields["store"] = nil
        fields["uplink"] = nil
        #expect(try StatusAnswer(json: .object(fields)) == Self.bare)
    }

    @Test func theFirstFieldThatCannotBeReadIsNamedWithItsPath() {
        func error<Answer: ControlAnswer>(_: Answer.Type, _ text: String) -> String? {
            do {
                _ = try Answer(json: JSONReader.parse(Array(text.utf8)).get())
                return nil
            } catch let error as AnswerError {
                return error.description
            } catch {
                return "\(error)"
            }
        }
        guard case .object(var fields) = Self.status.json, case .object(var daemon) = fields["daemon"] else { return }
        daemon["pid"] = nil
        fields["daemon"] = .object(daemon)
        #expect(error(StatusAnswer.self, JSONValue.object(fields).serialized) == "daemon.pid: missing; expected an integer")
        guard case .object(var sensor) = Self.sensor.json else { return }
        sensor["errors"] = .string("3")
        let sensors = JSONValue.array([.object(sensor), Self.sensor.json]).serialized
        #expect(error([SensorAnswer].self, sensors) == "[0].errors: expected an integer, found a string")
        #expect(error(AirAnswer?.self, #"{"pm1":"high","alert":"none","indicator":"off","mist":"off"}"#) == "pm1: expected a number or null, found a string")
        #expect(error(FaultsAnswer.self, "[]") == "expected an object, found an array")
        #expect(error(VersionAnswer.self, #"{"daemon":"0.1.0","protocol":1.5}"#) == "protocol: expected an integer, found a number")
    }

    @Test func aReplyIsItsDataOrItsErrorWithTheCodeKnownOrNot() throws {
        let success = try JSONReader.parse(Array(ControlResponse.success(.integer(7), id: nil).dropLast())).get()
        #expect(ControlReply(success) == .success(.integer(7)))
        let refused = try JSONReader.parse(Array(ControlResponse.failure(ControlError(.refused, "needs maintenance"), id: nil).dropLast())).get()
        #expect(ControlReply(refused) == .failure(code: .refused, message: "needs maintenance", error: refused["error"] ?? .null))
        let newer = try JSONReader.parse(Array(#"{"error":{"code":"overheated","message":"too hot"},"ok":false,"v":1}"#.utf8)).get()
        #expect(ControlReply(newer) == .failure(code: nil, message: "too hot", error: newer["error"] ?? .null))
    }
}
