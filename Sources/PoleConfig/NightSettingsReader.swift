import PoleCore

/// Reads `[night]` and `[clock]` of the site file into `NightSettings`.
enum NightSettingsReader {
    static func readNight(_ table: inout TableReader, into settings: inout NightSettings, log: inout IssueLog) {
        settings.mode = table.choice("mode", NightSettings.Mode.allCases.map { ($0.rawValue, $0) }, log: &log) ?? settings.mode
        settings.duskOffsetMinutes = table.integer("dusk_offset_minutes", range: -120...120, log: &log) ?? settings.duskOffsetMinutes
        settings.dawnOffsetMinutes = table.integer("dawn_offset_minutes", range: -120...120, log: &log) ?? settings.dawnOffsetMinutes
        settings.sensorWindowMinutes = table.integer("sensor_window_minutes", range: 0...240, log: &log) ?? settings.sensorWindowMinutes
        settings.sensorTurnOnDelayMs = table.duration("turn_on_delay", range: 0...600_000, log: &log) ?? settings.sensorTurnOnDelayMs
        settings.luxDarkBelow = table.number("lux_dark_below", range: 0.1...1_000, log: &log) ?? settings.luxDarkBelow
        settings.luxLightAbove = table.number("lux_light_above", range: 0.1...10_000, log: &log) ?? settings.luxLightAbove
        if settings.luxLightAbove <= settings.luxDarkBelow {
            log.add(table.issue("lux_light_above", "\(settings.luxLightAbove) must be above lux_dark_below \(settings.luxDarkBelow): the gap is the hysteresis"))
        }
        table.finish(log: &log)
    }

    static func readClock(_ table: inout TableReader, into settings: inout NightSettings, log: inout IssueLog) {
        if let value = table.raw("min_valid") {
            let text: String? = switch value.content {
            case .string(let string): string
            case .dateTime(let dateTime) where dateTime.kind == .localDate: dateTime.description
            default: nil
            }
            if let text, let seconds = unixSeconds(ofDate: text) {
                settings.clockMinValidUTCSeconds = seconds
            } else {
                log.add(table.issue("min_valid", "\(value.quoted) is not a date; expected \"YYYY-MM-DD\" such as \"2025-01-01\""))
            }
        }
        settings.clockMaxJumpMs = table.duration("max_jump", range: 1_000...86_400_000, log: &log) ?? settings.clockMaxJumpMs
        settings.clockDistrustAfterJumpMs = table.duration("distrust_after_jump", range: 0...86_400_000, log: &log)
            ?? settings.clockDistrustAfterJumpMs
        table.finish(log: &log)
    }

    /// Midnight UTC of a `YYYY-MM-DD` date.
    static func unixSeconds(ofDate text: String) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) * 86_400
    }
}
