/// Night by the sun: from sunset plus the dusk offset to the next sunrise plus the dawn offset, with
/// polar days and nights handled explicitly.
///
/// Crossings are filed under solar days that run from one mean solar midnight to the next, but the
/// sun is lowest at apparent solar midnight, up to 16 minutes away. Near the midnight sun a night of
/// a few minutes can start or end between the two, so the crossing that ends the night at some
/// moment may belong to the solar day before or after the one containing that moment. The night is
/// therefore decided on the crossings of three solar days — the one containing the moment and its
/// neighbours — taken in time order, and it turns at the computed crossing on every day that has one.
/// Three days are computed at the first call and one more at each solar midnight; nothing allocates.
struct AstronomicalNight: Sendable {
    /// A night: from `start` (inclusive) to `end` (exclusive), UTC seconds; `Int64.min` and
    /// `Int64.max` for a night that began or ends beyond the three days (polar night).
    private struct Night {
        var start: Int64
        var end: Int64
    }

    private let clock: SolarClock
    private let duskOffsetSeconds: Int64
    private let dawnOffsetSeconds: Int64
    /// The solar day in the middle of `days`; `nil` before the first call.
    private var middleDay: Int64?
    /// The crossings of the solar days before, of and after `middleDay`.
    private var days = (SunCrossings.alwaysBelow, SunCrossings.alwaysBelow, SunCrossings.alwaysBelow)
    /// The last answer of `night(endingAfter:)` for these days and the moment it was asked for. It
    /// is the answer for every later moment before that night ends (nights come in time order), so
    /// the search runs about twice a day instead of every tick.
    private var lastAnswer: (askedAt: Int64, night: Night?)?

    init(settings: NightSettings) {
        clock = SolarClock(latitudeDegrees: settings.latitudeDegrees, longitudeDegrees: settings.longitudeDegrees)
        duskOffsetSeconds = Int64(settings.duskOffsetMinutes) * 60
        dawnOffsetSeconds = Int64(settings.dawnOffsetMinutes) * 60
    }

    /// Whether it is night at `utcSeconds`.
    mutating func isNight(atUTCSeconds utcSeconds: Int64) -> Bool {
        guard let night = night(endingAfter: utcSeconds) else { return false }
        return night.start <= utcSeconds
    }

    /// Seconds from `utcSeconds` to the next end of night (sunrise plus the dawn offset), or `nil` when
    /// no night ends within the next solar day (polar night, or no night to end).
    mutating func secondsUntilDay(atUTCSeconds utcSeconds: Int64) -> Int64? {
        guard let night = night(endingAfter: utcSeconds), night.end != .max else { return nil }
        return night.end - utcSeconds
    }

    /// Whether `utcSeconds` is within `minutes` of a sunrise or sunset.
    mutating func isNearTwilight(atUTCSeconds utcSeconds: Int64, minutes: Int) -> Bool {
        load(atUTCSeconds: utcSeconds)
        let window = Int64(minutes) * 60
        for slot in 0..<6 {
            if let crossing = crossing(slot), abs(utcSeconds - crossing.utcSeconds) <= window { return true }
        }
        return false
    }

    /// The first night (not emptied by the offsets) that ends after `utcSeconds`, or `nil` when none
    /// does within the three days.
    ///
    /// Each sunset opens a night that the next sunrise closes. Before the first crossing the sun is
    /// below the threshold when that crossing is a sunrise; with no crossing at all, the solar day's
    /// classification (polar night or midnight sun) decides.
    private mutating func night(endingAfter utcSeconds: Int64) -> Night? {
        load(atUTCSeconds: utcSeconds)
        if let last = lastAnswer, utcSeconds >= last.askedAt, utcSeconds < last.night?.end ?? .max {
            return last.night
        }
        let night = search(endingAfter: utcSeconds)
        lastAnswer = (utcSeconds, night)
        return night
    }

    /// `night(endingAfter:)` worked out from the crossings.
    private func search(endingAfter utcSeconds: Int64) -> Night? {
        var openedAt: Int64?
        var isFirst = true
        for slot in 0..<6 {
            guard let crossing = crossing(slot) else { continue }
            if isFirst, crossing.rising { openedAt = .min }
            isFirst = false
            if crossing.rising {
                guard let start = openedAt else { continue }
                openedAt = nil
                let end = crossing.utcSeconds + dawnOffsetSeconds
                if end > utcSeconds, start < end { return Night(start: start, end: end) }
            } else if openedAt == nil {
                openedAt = crossing.utcSeconds + duskOffsetSeconds
            }
        }
        if isFirst { return days.1 == .alwaysBelow ? Night(start: .min, end: .max) : nil }
        return openedAt.map { Night(start: $0, end: .max) }
    }

    /// Crossing `slot` of the three days in time order: even slots are sunrises, odd ones sunsets,
    /// two a day; `nil` when that day has no such crossing.
    private func crossing(_ slot: Int) -> (utcSeconds: Int64, rising: Bool)? {
        let day = slot < 2 ? days.0 : slot < 4 ? days.1 : days.2
        let rising = slot.isMultiple(of: 2)
        return (rising ? day.risingUTCSeconds : day.settingUTCSeconds).map { ($0, rising) }
    }

    /// Makes `days` the solar days around the one containing `utcSeconds`.
    private mutating func load(atUTCSeconds utcSeconds: Int64) {
        let day = clock.epochDay(containingUTCSeconds: utcSeconds)
        guard day != middleDay else { return }
        if let middle = middleDay, day == middle + 1 {
            days = (days.1, days.2, crossings(day + 1))
        } else {
            days = (crossings(day - 1), crossings(day), crossings(day + 1))
        }
        middleDay = day
        lastAnswer = nil
    }

    private func crossings(_ epochDay: Int64) -> SunCrossings {
        clock.crossings(of: .sunriseSunset, epochDay: epochDay)
    }
}
