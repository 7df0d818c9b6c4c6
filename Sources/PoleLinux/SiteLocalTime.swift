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
    private var cachedMinuteOfDay = 0

    /// Selects `zone` (an IANA name such as `Asia/Seoul`) for this process. `TZ` is set only when it
    /// differs, so runners that agree on the zone never touch the environment again (setenv is not
    /// thread-safe).
    public init(zone: String) {
        if getenv("TZ").map({ String(cString: $0) }) != zone {
            setenv("TZ", zone, 1)
            tzset()
        }
    }

    /// Minutes since local midnight at `utcSeconds`.
    public mutating func minuteOfDay(utcSeconds: Int64) -> Int {
        let utcMinute = utcSeconds >= 0 ? utcSeconds / 60 : (utcSeconds - 59) / 60
        if utcMinute == cachedUTCMinute { return cachedMinuteOfDay }
        var time = time_t(utcSeconds)
        var local = tm()
        localtime_r(&time, &local)
        cachedUTCMinute = utcMinute
        cachedMinuteOfDay = Int(local.tm_hour) * 60 + Int(local.tm_min)
        return cachedMinuteOfDay
    }
}
