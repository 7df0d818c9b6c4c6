import PoleCore
import PoleJSON

/// The `status` answer as one screen for a person: what the pole does now, and what is wrong.
enum StatusView {
    static func lines(_ status: JSONValue) -> [String] {
        var table = TextTable()
        let daemon = status["daemon"]
        table.add([
            "site", "\(text(status["site"])) on \(text(status["board"])) (\(text(status["backend"])))"
                + ", up \(age(daemon?["uptime_ms"])), pid \(text(daemon?["pid"])), poled \(text(daemon?["version"]))",
        ])
        let loop = status["loop"]
        let overruns = int(loop?["overruns"]) ?? 0
        let stalled = loop?["stalled"]?.bool == true
            ? Terminal.red("STALLED: no tick published for \(age(daemon?["snapshot_age_ms"])) (limit \(age(loop?["stall_after_ms"]))); ")
            : ""
        table.add([
            "loop", stalled + "\(text(loop?["tick_ms"])) ms tick, \(text(loop?["ticks"])) ticks, "
                + (overruns == 0 ? "0 overruns" : Terminal.yellow("\(overruns) overruns"))
                + ", worst wake-up \(text(loop?["lateness_max_us"])) µs",
        ])
        if let dropped = int(daemon?["log_lines_dropped"]), dropped > 0 {
            table.add(["log", Terminal.yellow("\(dropped) lines dropped: standard error (the journal) did not take them")])
        }
        if let crosswalk = status["crosswalk"], crosswalk != .null {
            table.add([
                "crosswalk", "head \(text(crosswalk["head"])), floor \(floor(crosswalk))"
                    + ", beacon \(text(crosswalk["beacon"])), voice \(text(crosswalk["voice"])), spotlight \(text(crosswalk["spotlight"])) %",
            ])
        }
        let night = status["night"]?.bool.map { $0 ? "night" : "day" } ?? "undecided"
        if let lamp = status["lamp"], lamp != .null {
            table.add(["lamp", "\(text(lamp["level"])) %, \(night)"])
        } else {
            table.add(["night", night])
        }
        if let air = status["air"], air != .null { table.add(["air", AirView.summary(air)]) }
        for sensor in status["sensors"]?.array ?? [] {
            table.add(["sensor", SensorsView.summary(sensor)])
        }
        table.add(["maintenance", maintenance(status["maintenance"])])
        if let store = status["store"], store != .null { table.add(["store", self.store(store)]) }
        if let uplink = status["uplink"], uplink != .null { table.add(["uplink", self.uplink(uplink, backlog: status["store"]?["uplink_backlog"])]) }
        table.add(["faults", faults(status["faults"])])
        let healthy = status["healthy"]?.bool ?? false
        table.add(["health", healthy ? Terminal.green("OK") : Terminal.red("FAULT")])
        return table.lines
    }

    static func faults(_ faults: JSONValue?) -> String {
        let latched = (faults?["latched"]?.array ?? []).compactMap(\.string)
        let active = (faults?["active"]?.array ?? []).compactMap(\.string).filter { !latched.contains($0) }
        if latched.isEmpty, active.isEmpty { return "none" }
        var parts: [String] = []
        if !latched.isEmpty { parts.append(Terminal.red("latched: " + latched.joined(separator: ", ")) + " (clear with `polectl faults clear`)") }
        if !active.isEmpty { parts.append(Terminal.yellow("active: " + active.joined(separator: ", "))) }
        return parts.joined(separator: "; ")
    }

    private static func store(_ store: JSONValue) -> String {
        let kib = (int(store["file_bytes"]) ?? 0) / 1_024
        var line = "\(text(store["path"])), \(kib) KiB, \(text(store["events"])) events, \(text(store["air_minutes"])) air minutes"
        if let error = store["error"]?.string { line += ", " + Terminal.red("not written: \(error)") }
        return line
    }

    private static func uplink(_ uplink: JSONValue, backlog: JSONValue?) -> String {
        let state = uplink["connected"]?.bool == true ? Terminal.green("connected") : Terminal.yellow("not connected")
        var line = "\(text(uplink["broker"])) \(state), \(text(uplink["sent"])) sent, \(text(backlog)) waiting"
        if let problem = uplink["problem"]?.string { line += " (\(problem))" }
        return line
    }

    private static func maintenance(_ maintenance: JSONValue?) -> String {
        guard maintenance?["active"]?.bool == true else { return "off" }
        var text = Terminal.yellow("on") + ", ends in \(age(maintenance?["remaining_ms"]))"
        if let test = maintenance?["test"], test != .null {
            text += "; testing \(self.text(test["target"])) for \(age(test["remaining_ms"]))"
        }
        return text
    }

    private static func floor(_ crosswalk: JSONValue) -> String {
        let colour = text(crosswalk["floor"])
        let painted = colour == "green" ? Terminal.green(colour) : colour == "red" ? Terminal.red(colour) : colour
        return painted + " (\(text(crosswalk["floor_level"])) %)"
    }

    /// A value as text: strings bare, numbers as integers where they are, null as "-".
    static func text(_ value: JSONValue?) -> String {
        switch value {
        case .string(let string)?: string
        case .number(let number)?: number == number.rounded() ? String(Int64(number)) : String(number)
        case .bool(let flag)?: flag ? "yes" : "no"
        case .null?, nil: "-"
        default: value?.serialized ?? "-"
        }
    }

    static func int(_ value: JSONValue?) -> Int64? {
        value?.number.map { Int64($0) }
    }

    /// Milliseconds as a duration people read: "2m 13s", "850ms".
    static func age(_ value: JSONValue?) -> String {
        guard let ms = int(value) else { return "-" }
        if ms < 1_000 { return "\(ms)ms" }
        let seconds = ms / 1_000
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3_600 { return "\(seconds / 60)m \(seconds % 60)s" }
        if seconds < 86_400 { return "\(seconds / 3_600)h \(seconds % 3_600 / 60)m" }
        return "\(seconds / 86_400)d \(seconds % 86_400 / 3_600)h"
    }
}

/// The `air` answer for a person.
enum AirView {
    static func summary(_ air: JSONValue) -> String {
        let t = StatusView.text
        return "PM2.5 \(tenths(air["pm2_5"])), PM10 \(t(air["pm10"])), PM1 \(tenths(air["pm1"])) µg/m³ (last minute); grade \(t(air["grade"]))"
            + ", CAI \(t(air["cai"])), AQI \(t(air["aqi"])); alert \(t(air["alert"])); indicator \(t(air["indicator"])), mist \(t(air["mist"]))"
    }

    /// A concentration the pole truncated to 0.1 µg/m³, with its decimal even when it is 0 ("9.0").
    static func tenths(_ value: JSONValue?) -> String {
        guard let number = value?.number else { return StatusView.text(value) }
        let tenths = Int((number * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// The `sensors` answer for a person.
enum SensorsView {
    static func summary(_ sensor: JSONValue) -> String {
        let t = StatusView.text
        let state = t(sensor["state"])
        let painted = state == "ok" ? Terminal.green(state) : state == "failing" || state == "failed" ? Terminal.red(state) : Terminal.yellow(state)
        var text = "\(t(sensor["role"])) \(t(sensor["kind"])) \(painted), last sample \(StatusView.age(sensor["last_sample_age_ms"])) ago"
            + ", \(t(sensor["errors"])) errors"
        if let last = sensor["last_error"]?.string { text += " (last: \(last))" }
        return text
    }
}
