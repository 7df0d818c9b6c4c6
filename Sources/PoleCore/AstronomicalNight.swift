/// Night by the sun: from sunset plus the dusk offset to sunrise plus the dawn offset, with polar
/// days and nights handled explicitly. The day's crossings are computed once per solar day.
struct AstronomicalNight: Sendable {
    private let clock: SolarClock
    private let duskOffsetSeconds: Int64
    private let dawnOffsetSeconds: Int64
    private var cachedDay: Int64?
    private var cachedCrossings = SunCrossings.alwaysBelow

    init(settings: NightSettings) {
        clock = SolarClock(latitudeDegrees: settings.latitudeDegrees, longitudeDegrees: settings.longitudeDegrees)
        duskOffsetSeconds = Int64(settings.duskOffsetMinutes) * 60
        dawnOffsetSeconds = Int64(settings.dawnOffsetMinutes) * 60
    }

    /// The sun's crossings of the solar day containing `utcSeconds`.
    mutating func crossings(atUTCSeconds utcSeconds: Int64) -> SunCrossings {
        let day = clock.epochDay(containingUTCSeconds: utcSeconds)
        if day != cachedDay {
            cachedDay = day
            cachedCrossings = clock.crossings(of: .sunriseSunset, epochDay: day)
        }
        return cachedCrossings
    }

    /// Whether it is night at `utcSeconds`.
    mutating func isNight(atUTCSeconds utcSeconds: Int64) -> Bool {
        switch crossings(atUTCSeconds: utcSeconds) {
        case .alwaysBelow: true
        case .alwaysAbove: false
        case .risesOnly(let rising): utcSeconds < rising + dawnOffsetSeconds
        case .setsOnly(let setting): utcSeconds >= setting + duskOffsetSeconds
        case .risesAndSets(let rising, let setting):
            utcSeconds < rising + dawnOffsetSeconds || utcSeconds >= setting + duskOffsetSeconds
        }
    }

    /// Seconds from `utcSeconds` to the next end of night (sunrise plus the dawn offset), or `nil` when
    /// no sunrise comes within a day (polar night).
    mutating func secondsUntilDay(atUTCSeconds utcSeconds: Int64) -> Int64? {
        if let rising = crossings(atUTCSeconds: utcSeconds).risingUTCSeconds, utcSeconds < rising + dawnOffsetSeconds {
            return rising + dawnOffsetSeconds - utcSeconds
        }
        return crossings(atUTCSeconds: utcSeconds + 86_400).risingUTCSeconds.map { $0 + dawnOffsetSeconds - utcSeconds }
    }

    /// Whether `utcSeconds` is within `minutes` of sunrise or sunset.
    mutating func isNearTwilight(atUTCSeconds utcSeconds: Int64, minutes: Int) -> Bool {
        let window = Int64(minutes) * 60
        let crossings = crossings(atUTCSeconds: utcSeconds)
        if let rising = crossings.risingUTCSeconds, abs(utcSeconds - rising) <= window { return true }
        if let setting = crossings.settingUTCSeconds, abs(utcSeconds - setting) <= window { return true }
        return false
    }
}
