public import PoleConfig
import PoleCore
import PoleLinux
import PoleStore

/// What `poled check-config` prints for a valid configuration: the pole as it will run, defaults included.
public enum ConfigReport {
    public static func text(_ configuration: PoleConfiguration) -> String {
        let site = configuration.site
        let board = configuration.board
        let crosswalk = site.crosswalk
        func duration(_ milliseconds: Int64) -> String { DurationText.format(milliseconds: milliseconds) }
        var rows: [(String, String)] = [
            ("Site file", configuration.siteFile ?? "(none: every setting at its default)"),
            ("Board", "\(board.file) (\(board.name), backend \(board.backend.rawValue))"),
            ("GPIO", Libgpiod.apiDescription + (board.backend == .gpiod ? "" : " (not used by this board)")),
            ("Site", "\(site.siteID) at \(site.latitude)°, \(site.longitude)° (\(site.timeZone))"),
            ("Tick", duration(site.tickMs) + (site.realtimePriority > 0 ? ", SCHED_FIFO \(site.realtimePriority)" : ", normal priority")),
            ("Features", configuration.features.map(\.rawValue).joined(separator: ", ")),
        ]
        if configuration.features.contains(.crosswalk) {
            rows.append(("Crosswalk", "debounce \(duration(crosswalk.debounceMs)), start-up hold \(duration(crosswalk.startupHoldMs)), "
                + "follow allowance \(duration(crosswalk.followAllowanceMs)), "
                + "flash pulses \(duration(crosswalk.flashPulseMinMs))–\(duration(crosswalk.flashPulseMaxMs)), "
                + "night level \(crosswalk.nightLevelPercent)%"))
            rows.append(("Zones", "crossing: \(crosswalk.crossingZones.joined(separator: ", ")); waiting: "
                + board.presenceZones.filter { !crosswalk.crossingZones.contains($0) }.joined(separator: ", ")))
            let quiet = crosswalk.voiceQuietMinutes.map { "quiet \(clock($0.startMinute))–\(clock($0.endMinute))" } ?? "no quiet hours"
            rows.append(("Beacon / voice", "beacon hold \(duration(crosswalk.beaconHoldMs)), flash \(duration(crosswalk.beaconFlashPeriodMs)); "
                + "voice every \(duration(crosswalk.voiceRateLimitMs)) per zone, pulse \(duration(crosswalk.voicePulseMs)), \(quiet)"))
            rows.append(("Spotlight", "night \(crosswalk.spotlightNightBasePercent)%, boost \(crosswalk.spotlightBoostPercent)% "
                + "for \(duration(crosswalk.spotlightBoostHoldMs))"))
        }
        rows.append(("Control socket", "\(site.controlSocket) (group \(site.controlGroup))"))
        let store = site.store
        rows.append(("Store", "\(store.path): written every \(duration(store.flushIntervalMs)) (faults at once, "
            + "air minutes every \(duration(store.airFlushIntervalMs))); "
            + "events kept \(duration(store.keepEventsMs)), air \(duration(store.keepAirMs)), at most \(store.maxBytes >> 20) MiB"))
        let uplink = site.uplink
        rows.append(("Uplink", uplink.enabled
            ? "mqtt\(uplink.caFile == nil ? "" : "s")://\(uplink.host):\(uplink.effectivePort), topics \(uplink.topicPrefix)/\(site.siteID)/…"
            : "off"))
        for binding in board.lines {
            var details = [binding.role.direction == .input ? "in" : "out"]
            if let chip = binding.chip { details.append("chip \(chip)") }
            if binding.activeLow { details.append("active-low") }
            if binding.role.direction == .input, binding.bias != .asIs { details.append(binding.bias.rawValue) }
            if binding.role.direction == .output { details.append("safe \(binding.safeOn ? "on" : "off")") }
            rows.append(("  \(binding.role.name)", "\(binding.line) (\(details.joined(separator: ", ")))"))
        }
        for device in board.i2c {
            let hex = String(device.address, radix: 16)
            rows.append(("  \(device.role)", "\(device.sensor.rawValue) at 0x\(hex.count == 1 ? "0" : "")\(hex) on \(device.bus)"))
        }
        func clock(_ minute: Int) -> String {
            let hours = minute / 60
            let minutes = minute % 60
            return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
        }
        let width = rows.map(\.0.count).max() ?? 0
        let lines = rows.map { label, value in
            label + String(repeating: " ", count: width - label.count) + " : " + value
        }
        var warnings = ""
        if let problem = StorePathCheck.problem(path: store.path) {
            warnings = "warning: store: \(problem); poled would run without its store, holding events in memory\n"
        }
        return "Configuration OK\n" + lines.joined(separator: "\n") + "\n" + warnings
    }
}
