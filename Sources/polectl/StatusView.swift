import PoleProtocol

/// The `status` answer as one screen for a person: what the pole does now, and what is wrong.
enum StatusView {
    static func lines(_ status: StatusAnswer) -> [String] {
        var table = TextTable()
        let daemon = status.daemon
        table.add([
            "site", "\(status.site) on \(status.board) (\(status.backend))"
                + ", up \(age(daemon.uptimeMs)), pid \(daemon.pid), poled \(daemon.version)",
        ])
        let loop = status.loop
        let stalled = loop.stalled
            ? Terminal.red("STALLED: no tick published for \(age(daemon.snapshotAgeMs)) (limit \(age(loop.stallAfterMs))); ")
            : ""
        table.add([
            "loop", stalled + "\(loop.tickMs) ms tick, \(loop.ticks) ticks, "
                + (loop.overruns == 0 ? "0 overruns" : Terminal.yellow("\(loop.overruns) overruns"))
                + ", worst wake-up \(loop.latenessMaxMicroseconds) µs",
        ])
        if daemon.logLinesDropped > 0 {
            table.add(["log", Terminal.yellow("\(daemon.logLinesDropped) lines dropped: standard error (the journal) did not take them")])
        }
        if let crosswalk = status.crosswalk {
            table.add([
                "crosswalk", "head \(crosswalk.head), floor \(floor(crosswalk))"
                    + ", beacon \(crosswalk.beacon), voice \(crosswalk.voice), spotlight \(crosswalk.spotlight) %",
            ])
        }
        let night = status.night.map { $0 ? "night" : "day" } ?? "undecided"
        if let lamp = status.lamp {
            table.add(["lamp", "\(lamp.level) %, \(night)"])
        } else {
            table.add(["night", night])
        }
        if let air = status.air { table.add(["air", AirView.summary(air)]) }
        for sensor in status.sensors {
            table.add(["sensor", SensorsView.summary(sensor)])
        }
        table.add(["maintenance", maintenance(status.maintenance)])
        if let store = status.store { table.add(["store", self.store(store)]) }
        if let uplink = status.uplink { table.add(["uplink", self.uplink(uplink, backlog: status.store?.uplinkBacklog)]) }
        table.add(["faults", faults(status.faults)])
        table.add(["health", status.healthy ? Terminal.green("OK") : Terminal.red("FAULT")])
        return table.lines
    }

    static func faults(_ faults: FaultsAnswer) -> String {
        let latched = faults.latched
        let active = faults.active.filter { !latched.contains($0) }
        if latched.isEmpty, active.isEmpty { return "none" }
        var parts: [String] = []
        if !latched.isEmpty { parts.append(Terminal.red("latched: " + latched.joined(separator: ", ")) + " (clear with `polectl faults clear`)") }
        if !active.isEmpty { parts.append(Terminal.yellow("active: " + active.joined(separator: ", "))) }
        return parts.joined(separator: "; ")
    }

    private static func store(_ store: StatusAnswer.Store) -> String {
        let kib = (store.fileBytes ?? 0) / 1_024
        var line = "\(store.path), \(kib) KiB, \(text(store.events)) events, \(text(store.airMinutes)) air minutes"
        if let error = store.error { line += ", " + Terminal.red("not written: \(error)") }
        return line
    }

    private static func uplink(_ uplink: StatusAnswer.Uplink, backlog: Int64?) -> String {
        let state = uplink.connected ? Terminal.green("connected") : Terminal.yellow("not connected")
        var line = "\(uplink.broker) \(state), \(uplink.sent) sent, \(text(backlog)) waiting"
        if let problem = uplink.problem { line += " (\(problem))" }
        return line
    }

    private static func maintenance(_ maintenance: StatusAnswer.Maintenance) -> String {
        guard maintenance.active else { return "off" }
        var text = Terminal.yellow("on") + ", ends in \(age(maintenance.remainingMs))"
        if let test = maintenance.test {
            text += "; testing \(test.target) for \(age(test.remainingMs))"
        }
        return text
    }

    private static func floor(_ crosswalk: StatusAnswer.Crosswalk) -> String {
        let colour = crosswalk.floor
        let painted = colour == "green" ? Terminal.green(colour) : colour == "red" ? Terminal.red(colour) : colour
        return painted + " (\(crosswalk.floorLevel) %)"
    }

    /// A count, or "-" when there is none.
    static func text(_ value: Int64?) -> String {
        value.map { "\($0)" } ?? "-"
    }

    /// A measured value: whole numbers without a fraction, "-" when there is none.
    static func text(_ value: Double?) -> String {
        guard let value else { return "-" }
        return value == value.rounded() ? String(Int64(value)) : String(value)
    }

    static func text(_ flag: Bool) -> String {
        flag ? "yes" : "no"
    }

    /// Milliseconds as a duration people read: "2m 13s", "850ms".
    static func age(_ value: Int64?) -> String {
        guard let ms = value else { return "-" }
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
    static func summary(_ air: AirAnswer) -> String {
        "PM2.5 \(tenths(air.pm2_5)), PM10 \(StatusView.text(air.pm10)), PM1 \(tenths(air.pm1)) µg/m³ (last minute); grade \(air.grade ?? "-")"
            + ", CAI \(StatusView.text(air.cai)), AQI \(StatusView.text(air.aqi)); alert \(air.alert); indicator \(air.indicator), mist \(air.mist)"
    }

    /// A concentration the pole truncated to 0.1 µg/m³, with its decimal even when it is 0 ("9.0").
    static func tenths(_ value: Double?) -> String {
        guard let number = value else { return "-" }
        let tenths = Int((number * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// The `sensors` answer for a person.
enum SensorsView {
    static func summary(_ sensor: SensorAnswer) -> String {
        let state = sensor.state
        let painted = state == "ok" ? Terminal.green(state) : state == "failing" || state == "failed" ? Terminal.red(state) : Terminal.yellow(state)
        var text = "\(sensor.role) \(sensor.kind) \(painted), last sample \(StatusView.age(sensor.lastSampleAgeMs)) ago, \(sensor.errors) errors"
        if let last = sensor.lastError { text += " (last: \(last))" }
        return text
    }
}
