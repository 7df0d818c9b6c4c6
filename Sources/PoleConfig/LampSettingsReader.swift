import PoleCore

/// Reads `[lamp]` of the site file into `LampSettings`.
enum LampSettingsReader {
    static func read(_ table: inout TableReader, into settings: inout LampSettings, log: inout IssueLog) {
        settings.idleLevelPercent = table.integer("idle_level", range: 0...100, log: &log) ?? settings.idleLevelPercent
        settings.fullLevelPercent = table.integer("full_level", range: 1...100, log: &log) ?? settings.fullLevelPercent
        settings.nightFloorPercent = table.integer("night_floor", range: 0...100, log: &log) ?? settings.nightFloorPercent
        settings.motionHoldMs = table.duration("motion_hold", range: 0...3_600_000, log: &log) ?? settings.motionHoldMs
        settings.rampUpMs = table.duration("ramp_up", range: 0...600_000, log: &log) ?? settings.rampUpMs
        settings.rampDownMs = table.duration("ramp_down", range: 0...3_600_000, log: &log) ?? settings.rampDownMs
        settings.faultDelayMs = table.duration("fault_delay", range: 1_000...600_000, log: &log) ?? settings.faultDelayMs
        settings.cyclingCount = table.integer("cycling_count", range: 2...100, log: &log) ?? settings.cyclingCount
        settings.cyclingWindowMs = table.duration("cycling_window", range: 60_000...86_400_000, log: &log) ?? settings.cyclingWindowMs
        settings.minOnTimeMs = table.duration("min_on_time", range: 0...3_600_000, log: &log) ?? settings.minOnTimeMs
        if let calendar = table.raw("calendar") {
            settings.calendar = CalendarReader.read(calendar, table: table, log: &log)
        }
        if settings.fullLevelPercent < settings.idleLevelPercent {
            log.add(table.issue("full_level", "\(settings.fullLevelPercent) is below idle_level \(settings.idleLevelPercent); motion must not dim"))
        }
        table.finish(log: &log)
    }
}
