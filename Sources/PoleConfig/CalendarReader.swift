import PoleCore
import PoleTOML

/// Reads `[[lamp.calendar]]` rules: name, optional date range and weekdays, a time window, an action.
enum CalendarReader {
    private static let weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    static func read(_ value: TOMLValue, table: TableReader, log: inout IssueLog) -> [CalendarRule] {
        guard case .array(let items) = value.content else {
            log.add(table.issue("calendar", "expected [[lamp.calendar]] tables, found \(value.typeName)"))
            return []
        }
        var rules: [CalendarRule] = []
        for (index, item) in items.enumerated() {
            let path = table.keyPath("calendar") + "[\(index)]"
            guard case .table(let fields) = item.content else {
                log.add(ConfigIssue(file: table.document.file, line: item.position.line, keyPath: path,
                                    problem: "expected a table, found \(item.typeName)"))
                continue
            }
            var entry = TableReader(document: table.document, path: path, table: fields, line: item.position.line)
            if let rule = rule(&entry, log: &log) { rules.append(rule) }
            entry.finish(log: &log)
        }
        return rules
    }

    private static func rule(_ entry: inout TableReader, log: inout IssueLog) -> CalendarRule? {
        let name = entry.string("name", log: &log)
        if entry.raw("name") == nil { log.add(entry.issue("", "missing key name; expected a name such as \"rice fields\"")) }
        let from = monthDay(&entry, "from", log: &log) ?? 101
        let to = monthDay(&entry, "to", log: &log) ?? 1_231
        var mask: UInt8 = 0x7F
        if let value = entry.raw("weekdays") {
            mask = 0
            if case .array(let items) = value.content {
                for item in items {
                    if case .string(let day) = item.content, let index = weekdays.firstIndex(of: day) {
                        mask |= 1 << UInt8(index)
                    } else {
                        log.add(entry.issue("weekdays", item: item, "\(item.quoted) is not a weekday; expected \(weekdays.joined(separator: ", "))"))
                    }
                }
            } else {
                log.add(entry.issue("weekdays", "expected an array such as [\"sat\", \"sun\"], found \(value.typeName)"))
            }
        }
        let start = minute(&entry, "start", log: &log)
        let end = minute(&entry, "end", log: &log)
        let action = entry.choice("action", [("off", "off"), ("level", "level")], log: &log)
        let level = entry.integer("level", range: 0...100, log: &log)
        if entry.raw("action") == nil { log.add(entry.issue("", "missing key action; expected \"off\" or \"level\"")) }
        var ruleAction: CalendarRule.Action?
        switch (action, level) {
        case ("off", nil): ruleAction = .off
        case ("off", .some): log.add(entry.issue("level", "only goes with action = \"level\""))
        case ("level", .some(let level)): ruleAction = .idleLevel(level)
        case ("level", nil):
            if entry.raw("level") == nil { log.add(entry.issue("", "missing key level; action \"level\" needs a level 0…100")) }
        default: break
        }
        if let start, let end, start == end {
            log.add(entry.issue("end", "the window is empty; start and end differ"))
            return nil
        }
        guard let name, let start, let end, let ruleAction else { return nil }
        return CalendarRule(name: name, fromMonthDay: from, toMonthDay: to, weekdayMask: mask,
                            window: DailyWindow(startMinute: start, endMinute: end), action: ruleAction)
    }

    private static func monthDay(_ entry: inout TableReader, _ key: String, log: inout IssueLog) -> Int? {
        guard let text = entry.string(key, log: &log) else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let month = Int(parts[0]), let day = Int(parts[1]),
              (1...12).contains(month), (1...31).contains(day)
        else {
            log.add(entry.issue(key, "\(TOMLText.quoted(text)) is not a day of the year; expected \"MM-DD\" such as \"06-01\""))
            return nil
        }
        return month * 100 + day
    }

    private static func minute(_ entry: inout TableReader, _ key: String, log: inout IssueLog) -> Int? {
        guard let text = entry.string(key, log: &log) else {
            if entry.raw(key) == nil { log.add(entry.issue("", "missing key \(key); expected \"HH:MM\"")) }
            return nil
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0..<24).contains(hour), (0..<60).contains(minute)
        else {
            log.add(entry.issue(key, "\(TOMLText.quoted(text)) is not a time; expected \"HH:MM\" such as \"23:30\""))
            return nil
        }
        return hour * 60 + minute
    }
}
