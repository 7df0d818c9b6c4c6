import PoleCore
import PoleJSON

/// The answers to the read-only commands, as the protocol's JSON (schema: README.md, "Control
/// protocol"). Times are ms; absent features are `null`, never left out, so scripts can rely on keys.
extension ControlSnapshot {
    /// `status`, for a snapshot `ageMs` old (measured on the reader's clock, not the loop's): one
    /// older than `stallAfterMs` means a stalled loop, not healthy whatever it says.
    func statusJSON(ageMs: Int64) -> JSONValue {
        let stalled = ageMs > stallAfterMs
        return .object([
            "site": .string(siteID),
            "board": .string(boardFile),
            "backend": .string(backend),
            "healthy": .bool(!reportsFault && !stalled),
            "daemon": .object([
                "version": .string(PoledVersion.string), "pid": .integer(processID), "uptime_ms": .integer(uptimeMs),
                "utc_ms": .integer(utcMs), "snapshot_age_ms": .integer(max(0, ageMs)), "log_lines_dropped": .integer(Int64(logLinesDropped)),
            ]),
            "loop": .object([
                "tick_ms": .integer(tickMs), "ticks": .integer(ticks), "overruns": .integer(overruns),
                "lateness_max_us": .integer(latenessMaxMicroseconds), "stalled": .bool(stalled), "stall_after_ms": .integer(stallAfterMs),
            ]),
            "crosswalk": head.map { head in
                .object([
                    "head": .string(head.name), "floor": .string(outputs.floor.name),
                    "floor_level": .integer(outputs.floorLevelPercent), "beacon": .string(outputs.beacon.name),
                    "voice": .string(outputs.voice.name), "spotlight": .integer(outputs.spotlightPercent),
                ])
            } ?? .null,
            "lamp": hasLamp ? .object(["level": .integer(outputs.lampPercent)]) : .null,
            "night": night.map(JSONValue.bool) ?? .null,
            "air": hasAir ? airJSON : .null,
            "faults": faultsJSON,
            "maintenance": maintenanceJSON,
            "sensors": sensorsJSON,
        ])
    }

    var faultsJSON: JSONValue {
        .object([
            "latched": .array(latched.map { .string($0.name) }),
            "active": .array(active.map { .string($0.name) }),
        ])
    }

    var maintenanceJSON: JSONValue {
        guard let until = maintenance.untilMs else {
            return .object(["active": .bool(false), "remaining_ms": .null, "test": .null])
        }
        return .object([
            "active": .bool(true),
            "remaining_ms": .integer(max(0, until - uptimeMs)),
            "test": maintenance.test.map { test in
                .object(["target": .string(test.target.name), "remaining_ms": .integer(max(0, test.untilMs - uptimeMs))])
            } ?? .null,
        ])
    }

    var airJSON: JSONValue {
        func value(_ number: Double?) -> JSONValue {
            number.map(JSONValue.number) ?? .null
        }
        return .object([
            "pm1": value(airMinute?.pm1), "pm2_5": value(airMinute?.pm2_5), "pm10": value(airMinute?.pm10),
            "grade": airMinute?.grade.map { .string($0.name) } ?? .null,
            "cai": airMinute?.cai.map { .integer($0) } ?? .null,
            "aqi": airMinute?.aqi.map { .integer($0) } ?? .null,
            "alert": .string(alert.name),
            "indicator": .string(outputs.air.name),
            "mist": .string(outputs.mist.name),
        ])
    }

    var sensorsJSON: JSONValue {
        .array(sensors.map { sensor in
            let health = sensor.health
            return .object([
                "role": .string(sensor.role), "kind": .string(sensor.kind), "bus": .string(sensor.bus),
                "address": .string("0x" + String(sensor.address, radix: 16, uppercase: false)),
                "state": .string(health.state.rawValue),
                "serial": health.serial.map(JSONValue.string) ?? .null,
                "firmware": health.firmware.map(JSONValue.string) ?? .null,
                "last_sample_age_ms": health.lastSampleMs.map { .integer(max(0, uptimeMs - $0)) } ?? .null,
                "errors": .integer(health.errors),
                "last_error": health.lastError.map(JSONValue.string) ?? .null,
                "flags": .array(health.flags.map(JSONValue.string)),
                "cleaning": .bool((health.cleaningUntilMs ?? 0) > uptimeMs),
            ])
        })
    }

    var linesJSON: JSONValue {
        .array(lines.map { line in
            .object([
                "role": .string(line.role), "line": .string(line.line), "chip": line.chip.map(JSONValue.string) ?? .null,
                "direction": .string(line.isOutput ? "output" : "input"), "active_low": .bool(line.activeLow),
                "value": .integer(line.asserted ? 1 : 0),
            ])
        })
    }

    static func versionJSON(daemon: String) -> JSONValue {
        .object(["daemon": .string(daemon), "protocol": .integer(ControlRequest.protocolVersion)])
    }
}

extension EventLog.Entry {
    var json: JSONValue {
        var object: [String: JSONValue] = [
            "id": id.map { .integer($0) } ?? .null, "utc_ms": .integer(utcMs), "t_ms": .integer(monotonicMs), "name": .string(name),
        ]
        for (key, value) in fields { object[key] = .string(value) }
        return .object(object)
    }
}
