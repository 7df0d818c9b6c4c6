import Glibc

/// Local time at the site, from the C library's time-zone database (`localtime_r`).
///
/// The core needs the local time of day (quiet hours, calendar rules) but must not read a clock or a
/// time-zone file, so the runtime converts each tick's UTC seconds here and passes the result in
/// `Inputs`. Setting the zone sets the process's `TZ`: a pole has one site, so one zone. Every zone
/// in use has a whole-minute offset, so the answer is cached per UTC minute and `localtime_r` runs
/// once a minute, not once a tick.
public struct SiteLocalTime: Sendable {
    private var cachedUTCMinute: Int64?
    /// The local time of the cached minute; `nil` when the C library could not convert it.
    private var cached: (minuteOfDay: Int, date: (month: Int, day: Int, weekday: Int))?

    /// Selects `zone` (an IANA name such as `Asia/Seoul`) for this process. `TZ` is set only when it
    /// differs, so runners that agree on the zone never touch the environment again (setenv is not
    /// thread-safe).
    public init(zone: String) {
        Self.selectZone(zone)
    }

    /// Sets the process's zone (`TZ`) to `zone`, for local times and log timestamps alike. Call it
    /// before other threads read the environment, or with the same zone they already use.
    public static func selectZone(_ zone: String) {
        if getenv("TZ").map({ String(cString: $0) }) != zone {
            setenv("TZ", zone, 1)
            tzset()
        }
    }

    /// The local time at `utcSeconds`: minutes since local midnight, and the date (month 1…12, day
    /// 1…31, weekday 0 (Sunday)…6); `nil` when the C library cannot convert the time (a year beyond
    /// its range: a wall clock that jumped to the far future). One call a tick for both.
    public mutating func convert(utcSeconds: Int64) -> (minuteOfDay: Int, date: (month: Int, day: Int, weekday: Int))? {
        let utcMinute = utcSeconds / 60 - (utcSeconds % 60 < 0 ? 1 : 0)
        if utcMinute != cachedUTCMinute { update(utcSeconds, minute: utcMinute) }
        return cached
    }

    private mutating func update(_ utcSeconds: Int64, minute utcMinute: Int64) {
        cachedUTCMinute = utcMinute
        var time = time_t(utcSeconds)
        var local = tm()
        guard localtime_r(&time, &local) != nil else {
            cached = nil
            return
        }
        cached = (Int(local.tm_hour) * 60 + Int(local.tm_min), (Int(local.tm_mon) + 1, Int(local.tm_mday), Int(local.tm_wday)))
    }
}
