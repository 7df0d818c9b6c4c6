import PoleCore
import PoleTOML

/// Reads and validates a site file (`/etc/poled/poled.toml`) into `SiteSettings`.
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
            let path = document.value(at: ["crosswalk", "follow_allowance"]) != nil ? ["crosswalk", "follow_allowance"] : ["loop", "tick"]
            log.add(ConfigIssue(
                file: document.file, line: document.line(of: path), keyPath: path.joined(separator: "."),
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
            readStore(&store, into: &settings.store, log: &log)
        }
        if var uplink = root.table("uplink", log: &log) {
            readUplink(&uplink, into: &settings.uplink, log: &log)
        }
        if var control = root.table("control", log: &log) {
            readControl(&control, into: &settings, log: &log)
        }
        root.finish(log: &log)
        return (settings, board)
    }

    private static func readSite(_ site: inout TableReader, into settings: inout SiteSettings, log: inout IssueLog) {
        if let id = site.string("id", log: &log) {
            if isSiteID(id) {
                settings.siteID = id
            } else {
                log.add(site.issue("id", "\(TOMLText.quoted(id)) is not a site id; expected 1–64 of a-z, 0-9, - and _"))
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
                log.add(site.issue("time_zone", "\(TOMLText.quoted(zone)) is not an IANA time-zone name like \"Asia/Seoul\""))
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

    private static func readControl(_ table: inout TableReader, into settings: inout SiteSettings, log: inout IssueLog) {
        settings.controlSocket = readPath(&table, "socket", log: &log) ?? settings.controlSocket
        settings.controlGroup = table.string("group", log: &log) ?? settings.controlGroup
        settings.controlMaxClients = table.integer("max_clients", range: 1...1_024, log: &log) ?? settings.controlMaxClients
        if let perUid = table.integer("max_clients_per_uid", range: 1...1_024, log: &log) {
            if perUid <= settings.controlMaxClients {
                settings.controlMaxClientsPerUid = perUid
            } else {
                log.add(table.issue("max_clients_per_uid", "\(perUid) is more than max_clients (\(settings.controlMaxClients)); expected 1 to \(settings.controlMaxClients)"))
            }
        } else {
            settings.controlMaxClientsPerUid = min(settings.controlMaxClientsPerUid, settings.controlMaxClients)
        }
        settings.controlClientTimeoutMs = table.duration("client_timeout", range: 100...3_600_000, log: &log) ?? settings.controlClientTimeoutMs
        settings.controlRequestTimeoutMs = table.duration("request_timeout", range: 100...3_600_000, log: &log) ?? settings.controlRequestTimeoutMs
        table.finish(log: &log)
    }

    private static func readStore(_ table: inout TableReader, into settings: inout StoreSettings, log: inout IssueLog) {
        let day: Int64 = 86_400_000
        settings.path = readPath(&table, "path", log: &log) ?? settings.path
        settings.flushIntervalMs = table.duration("flush_interval", range: 1_000...600_000, log: &log) ?? settings.flushIntervalMs
        settings.airFlushIntervalMs = table.duration("air_flush_interval", range: 1_000...3_600_000, log: &log) ?? settings.airFlushIntervalMs
        settings.keepEventsMs = table.duration("keep_events", range: day...3_650 * day, log: &log) ?? settings.keepEventsMs
        settings.keepAirMs = table.duration("keep_air", range: day...3_650 * day, log: &log) ?? settings.keepAirMs
        if let mebibytes = table.integer("max_size_mib", range: 1...4_096, log: &log) {
            settings.maxBytes = Int64(mebibytes) << 20
        }
        table.finish(log: &log)
    }

    private static func readUplink(_ table: inout TableReader, into settings: inout UplinkSettings, log: inout IssueLog) {
        settings.enabled = table.bool("enabled", log: &log) ?? settings.enabled
        if let host = table.string("host", log: &log) {
            if !host.isEmpty, host.utf8.count <= 253, host.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0 != "/" }) {
                settings.host = host
            } else {
                log.add(table.issue("host", "\(TOMLText.quoted(host)) is not a host name or address"))
            }
        }
        settings.port = table.integer("port", range: 1...65_535, log: &log) ?? settings.port
        if let id = table.string("client_id", log: &log) {
            if (1...23).contains(id.utf8.count), id.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 }) {
                settings.clientID = id
            } else {
                log.add(table.issue("client_id", "\(TOMLText.quoted(id)) is not a client id; expected 1–23 printable ASCII characters (MQTT 3.1.1)"))
            }
        }
        if let prefix = table.string("topic_prefix", log: &log) {
            if !prefix.isEmpty, !prefix.hasPrefix("/"), !prefix.hasSuffix("/"), !prefix.contains("+"), !prefix.contains("#") {
                settings.topicPrefix = prefix
            } else {
                log.add(table.issue("topic_prefix", "\(TOMLText.quoted(prefix)) is not a topic prefix; expected levels like \"city/poles\" without wildcards or outer slashes"))
            }
        }
        settings.keepAliveSeconds = table.integer("keepalive_seconds", range: 5...3_600, log: &log) ?? settings.keepAliveSeconds
        settings.statusIntervalMs = table.duration("status_interval", range: 1_000...86_400_000, log: &log) ?? settings.statusIntervalMs
        settings.username = table.string("username", log: &log) ?? settings.username
        settings.passwordFile = readPath(&table, "password_file", log: &log) ?? settings.passwordFile
        settings.caFile = readPath(&table, "ca_file", log: &log) ?? settings.caFile
        settings.certFile = readPath(&table, "cert_file", log: &log) ?? settings.certFile
        settings.keyFile = readPath(&table, "key_file", log: &log) ?? settings.keyFile
        if (settings.certFile == nil) != (settings.keyFile == nil) {
            log.add(table.issue(settings.certFile == nil ? "key_file" : "cert_file", "a client certificate needs both cert_file and key_file"))
        }
        if settings.certFile != nil, settings.caFile == nil {
            log.add(table.issue("cert_file", "a client certificate needs TLS; set ca_file to the broker's CA"))
        }
        if settings.enabled, settings.host.isEmpty {
            log.add(table.issue("enabled", "the uplink is enabled but has no host; set uplink.host"))
        }
        table.finish(log: &log)
    }

    private static func readPath(_ table: inout TableReader, _ key: String, log: inout IssueLog) -> String? {
        guard let path = table.string(key, log: &log) else { return nil }
        guard path.hasPrefix("/") else {
            log.add(table.issue(key, "\(TOMLText.quoted(path)) is not an absolute path"))
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
