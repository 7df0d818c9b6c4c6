import PoleCore
import PoleTOML

/// Reads `[crosswalk]` and its sub-tables of the site file into `CrosswalkSettings`, range-checking
/// every value and the combinations that must hold together.
enum CrosswalkSettingsReader {
    static func read(_ table: inout TableReader, into settings: inout CrosswalkSettings, log: inout IssueLog) {
        settings.debounceMs = table.duration("debounce", range: 0...150, log: &log) ?? settings.debounceMs
        settings.startupHoldMs = table.duration("startup_hold", range: 6_000...60_000, log: &log) ?? settings.startupHoldMs
        settings.followAllowanceMs = table.duration(
            "follow_allowance", range: 20...(MonitorTimings.conflictLatchMs - 1), log: &log
        ) ?? settings.followAllowanceMs
        settings.nightLevelPercent = table.integer("night_level", range: 1...100, log: &log) ?? settings.nightLevelPercent
        if let zones = readZones(&table, log: &log) { settings.crossingZones = zones }
        if var flash = table.table("flash", log: &log) {
            readFlash(&flash, into: &settings, log: &log)
        }
        if var beacon = table.table("beacon", log: &log) {
            settings.beaconHoldMs = beacon.duration("hold", range: 0...60_000, log: &log) ?? settings.beaconHoldMs
            settings.beaconFlashPeriodMs = readFlashPeriod(&beacon, log: &log) ?? settings.beaconFlashPeriodMs
            beacon.finish(log: &log)
        }
        if var voice = table.table("voice", log: &log) {
            settings.voiceRateLimitMs = voice.duration("rate_limit", range: 0...600_000, log: &log) ?? settings.voiceRateLimitMs
            settings.voicePulseMs = voice.duration("pulse", range: 50...5_000, log: &log) ?? settings.voicePulseMs
            if let text = voice.string("quiet_hours", log: &log) {
                if text.isEmpty {
                    settings.voiceQuietMinutes = nil
                } else if let hours = quietHours(text) {
                    settings.voiceQuietMinutes = hours
                } else {
                    log.add(voice.issue("quiet_hours", "\(TOMLText.quoted(text)) is not a time window; expected \"HH:MM-HH:MM\" such as \"22:00-07:00\", or \"\" for none"))
                }
            }
            voice.finish(log: &log)
        }
        if var spotlight = table.table("spotlight", log: &log) {
            readSpotlight(&spotlight, into: &settings, log: &log)
        }
        table.finish(log: &log)
    }

    private static func readFlash(_ flash: inout TableReader, into settings: inout CrosswalkSettings, log: inout IssueLog) {
        let minimum = flash.duration("min_pulse", range: 50...1_000, log: &log)
        var maximum = flash.duration("max_pulse", range: 100...600_000, log: &log)
        if let value = maximum, value >= MonitorTimings.implausibleDarkMs {
            log.add(flash.issue("max_pulse", "\"\(DurationText.format(milliseconds: value))\" is not shorter than the "
                + "\(DurationText.format(milliseconds: MonitorTimings.implausibleDarkMs)) implausible-head limit; expected 100ms…1499ms"))
            maximum = nil
        }
        settings.flashPulseMinMs = minimum ?? settings.flashPulseMinMs
        settings.flashPulseMaxMs = maximum ?? settings.flashPulseMaxMs
        if settings.flashPulseMinMs >= settings.flashPulseMaxMs {
            log.add(flash.issue(
                minimum != nil ? "min_pulse" : "max_pulse",
                "min_pulse \(DurationText.format(milliseconds: settings.flashPulseMinMs)) must be shorter than "
                    + "max_pulse \(DurationText.format(milliseconds: settings.flashPulseMaxMs))"
            ))
        }
        flash.finish(log: &log)
    }

    private static func readSpotlight(_ table: inout TableReader, into settings: inout CrosswalkSettings, log: inout IssueLog) {
        let base = table.integer("night_base", range: 0...100, log: &log)
        let boost = table.integer("boost", range: 0...100, log: &log)
        settings.spotlightNightBasePercent = base ?? settings.spotlightNightBasePercent
        settings.spotlightBoostPercent = boost ?? settings.spotlightBoostPercent
        settings.spotlightBoostHoldMs = table.duration("boost_hold", range: 0...600_000, log: &log) ?? settings.spotlightBoostHoldMs
        if settings.spotlightBoostPercent < settings.spotlightNightBasePercent {
            log.add(table.issue(boost != nil ? "boost" : "night_base",
                "boost \(settings.spotlightBoostPercent) is below night_base \(settings.spotlightNightBasePercent); a boost must not dim"))
        }
        table.finish(log: &log)
    }

    private static func readFlashPeriod(_ table: inout TableReader, log: inout IssueLog) -> Int64? {
        guard let period = table.duration("flash_period", range: 0...5_000, log: &log) else { return nil }
        if period != 0, period < 200 {
            log.add(table.issue("flash_period", "\(DurationText.format(milliseconds: period)) is too fast to see; expected 0s (steady) or 200ms…5s"))
            return nil
        }
        return period
    }

    private static func readZones(_ table: inout TableReader, log: inout IssueLog) -> [String]? {
        guard let value = table.raw("crossing_zones") else { return nil }
        guard case .array(let items) = value.content else {
            log.add(table.issue("crossing_zones", "expected an array of zone names such as [\"crossing\"], found \(value.typeName)"))
            return nil
        }
        var zones: [String] = []
        for item in items {
            guard case .string(let zone) = item.content, Role.isZoneName(zone) else {
                log.add(table.issue("crossing_zones", item: item, "\(item.quoted) is not a zone name; expected lower-case letters, digits and _"))
                return nil
            }
            zones.append(zone)
        }
        return zones
    }

    /// Parses `"HH:MM-HH:MM"`.
    static func quietHours(_ text: String) -> DailyWindow? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = minute(parts[0]), let end = minute(parts[1]), start != end else { return nil }
        return DailyWindow(startMinute: start, endMinute: end)
    }

    private static func minute(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }
}
