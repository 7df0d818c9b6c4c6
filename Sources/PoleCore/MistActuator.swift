/// Switches the dust-response actuator from the minute grade (see `MistSettings`).
///
/// On at the on grade or worse once it has been off for the minimum off time; off at the off grade
/// or better once it has run the minimum on time; off at once when the sensor is unhealthy or the
/// day's run limit is used up. The day is the local day (a new date resets the limit).
struct MistActuator: Sendable {
    var settings: MistSettings
    private(set) var state = Switch.off
    private var changedAtMs: Int64?
    private var lastMs: Int64?
    private var runTodayMs: Int64 = 0
    private var day: LocalDate?

    init(settings: MistSettings) {
        self.settings = settings
    }

    mutating func update(grade: KoreanAirGrade?, sensorHealthy: Bool, date: LocalDate?, nowMs: Int64) -> Switch {
        if let lastMs, state == .on { runTodayMs += nowMs - lastMs }
        lastMs = nowMs
        if let date, date != day {
            day = date
            runTodayMs = 0
        }
        let heldMs = changedAtMs.map { nowMs - $0 } ?? .max
        let next: Switch
        if !sensorHealthy || runTodayMs >= settings.dailyRunLimitMs {
            next = .off
        } else if state == .off, let grade, grade >= settings.onAtGrade, heldMs >= settings.minimumOffMs {
            next = .on
        } else if state == .on, grade.map({ $0 <= settings.offAtGrade }) ?? false, heldMs >= settings.minimumOnMs {
            next = .off
        } else {
            next = state
        }
        if next != state {
            state = next
            changedAtMs = nowMs
        }
        return state
    }
}
