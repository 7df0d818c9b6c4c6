import PoleCore

/// Reads and validates a site file (`/etc/poled/poled.toml`, DESIGN.md §5) into `SiteSettings`.
enum SiteFileReader {
    /// The site settings and the board path the file names, if any.
    static func read(_ document: TOMLDocument, log: inout IssueLog) -> (SiteSettings, board: String?) {
        var root = TableReader(root: document)
        var settings = SiteSettings()
        let board = root.string("board", log: &log)
        if var site = root.table("site", log: &log) {
            readSite(&site, into: &settings, log: &log)
        }
        if var loop = root.table("loop", log: &log) {
            settings.tickMs = loop.duration("tick", range: 5...100, log: &log) ?? settings.tickMs
            settings.realtimePriority = loop.integer("realtime_priority", range: 0...99, log: &log) ?? settings.realtimePriority
            loop.finish(log: &log)
        }
        if var crosswalk = root.table("crosswalk", log: &log) {
            CrosswalkSettingsReader.read(&crosswalk, into: &settings.crosswalk, log: &log)
        }
        if settings.crosswalk.followAllowanceMs < settings.crosswalk.debounceMs + 2 * settings.tickMs {
            let key = document.lines.line(of: "crosswalk.follow_allowance") != nil ? "crosswalk.follow_allowance" : "loop.tick"
            log.add(ConfigIssue(
                file: document.file, line: document.lines.line(of: key), keyPath: key,
                problem: "follow_allowance \(DurationText.format(milliseconds: settings.crosswalk.followAllowanceMs)) is shorter than "
                    + "debounce + 2 ticks (\(DurationText.format(milliseconds: settings.crosswalk.debounceMs + 2 * settings.tickMs))): "
                    + "a floor catching up with the head would count toward a conflict"
            ))
        }
        if var air = root.table("air", log: &log) {
            if var mist = air.table("mist", log: &log) {
                readMist(&mist, into: &settings.mist, log: &log)
            }
            air.finish(log: &log)
        }
        if var lamp = root.table("lamp", log: &log) {
            LampSettingsReader.read(&lamp, into: &settings.lamp, log: &log)
        }
        if var night = root.table("night", log: &log) {
            NightSettingsReader.readNight(&night, into: &settings.night, log: &log)
        }
        if var clock = root.table("clock", log: &log) {
            NightSettingsReader.readClock(&clock, into: &settings.night, log: &log)
        }
        if var store = root.table("store", log: &log) {
            settings.storePath = readPath(&store, "path", log: &log) ?? settings.storePath
            store.finish(log: &log)
        }
        if var control = root.table("control", log: &log) {
            settings.controlSocket = readPath(&control, "socket", log: &log) ?? settings.controlSocket
            settings.controlGroup = control.string("group", log: &log) ?? settings.controlGroup
            settings.controlMaxClients = control.integer("max_clients", range: 1...1_024, log: &log) ?? settings.controlMaxClients
            settings.controlClientTimeoutMs = control.duration("client_timeout", range: 100...3_600_000, log: &log)
                ?? settings.controlClientTimeoutMs
            control.finish(log: &log)
        }
        root.finish(log: &log)
        return (settings, board)
    }

    private static func readSite(_ site: inout TableReader, into settings: inout SiteSettings, log: inout IssueLog) {
        if let id = site.string("id", log: &log) {
            if isSiteID(id) {
                settings.siteID = id
            } else {
                log.add(site.issue("id", "\"\(id)\" is not a site id; expected 1–64 of a-z, 0-9, - and _"))
            }
        }
        settings.latitude = site.number("latitude", range: -90...90, log: &log) ?? settings.latitude
        settings.longitude = site.number("longitude", range: -180...180, log: &log) ?? settings.longitude
        settings.night.latitudeDegrees = settings.latitude
        settings.night.longitudeDegrees = settings.longitude
        if let zone = site.string("time_zone", log: &log) {
            if isZoneName(zone) {
                settings.timeZone = zone
            } else {
                log.add(site.issue("time_zone", "\"\(zone)\" is not an IANA time-zone name like \"Asia/Seoul\""))
            }
        }
        site.finish(log: &log)
    }

    private static func readMist(_ table: inout TableReader, into settings: inout MistSettings, log: inout IssueLog) {
        let grades = KoreanAirGrade.allCases.map { ($0.name, $0) }
        let onAt = table.choice("on_at", grades, log: &log) ?? settings.onAtGrade
        let offAt = table.choice("off_at", grades, log: &log) ?? settings.offAtGrade
        if offAt < onAt {
            settings.onAtGrade = onAt
            settings.offAtGrade = offAt
        } else {
            log.add(table.issue("off_at", "\"\(offAt.name)\" must be a better grade than on_at \"\(onAt.name)\": the gap is the hysteresis"))
        }
        settings.minimumOnMs = table.duration("minimum_on", range: 0...86_400_000, log: &log) ?? settings.minimumOnMs
        settings.minimumOffMs = table.duration("minimum_off", range: 0...86_400_000, log: &log) ?? settings.minimumOffMs
        settings.dailyRunLimitMs = table.duration("daily_limit", range: 0...86_400_000, log: &log) ?? settings.dailyRunLimitMs
        table.finish(log: &log)
    }

    private static func readPath(_ table: inout TableReader, _ key: String, log: inout IssueLog) -> String? {
        guard let path = table.string(key, log: &log) else { return nil }
        guard path.hasPrefix("/") else {
            log.add(table.issue(key, "\"\(path)\" is not an absolute path"))
            return nil
        }
        return path
    }

    private static func isSiteID(_ id: String) -> Bool {
        (1...64).contains(id.unicodeScalars.count) && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }

    private static func isZoneName(_ zone: String) -> Bool {
        !zone.isEmpty && !zone.hasPrefix("/") && !zone.contains("..") && zone.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
                || "/_-+".unicodeScalars.contains($0)
        }
    }
}
