/// The air-quality feature: particulate samples into rolling means, the Korean grade on the
/// indicator passers-by see, a once-a-minute `air` record (with the hourly NowCast for the uplink),
/// fine-dust alerts on hourly means, and the dust-response actuator.
///
/// The indicator shows the grade of the last complete minute's means and goes off when the sensor
/// fails or a minute has too few samples: a wrong value is worse than none.
public struct AirQuality: Sendable {
    private var pm1 = RollingMean()
    private var pm2_5 = RollingMean()
    private var pm10 = RollingMean()
    private var alert = FineDustAlert()
    /// The hour the alert was last asked about.
    private var alertHour: Int64?
    private var lastSampleMs: Int64?
    private var lastMinute: Int64?
    private var failure: String?
    private var grade: KoreanAirGrade?
    private var mist: MistActuator
    /// The indicator after the last step.
    public private(set) var indication = AirIndication.off

    public init(mist: MistSettings = MistSettings()) {
        self.mist = MistActuator(settings: mist)
    }

    /// Advances one tick: takes a new sample, closes a minute when one ended, and sets `outputs.air`.
    public mutating func step(_ inputs: Inputs, outputs: inout Outputs, events: inout [Event]) {
        let now = inputs.monotonicMs
        switch inputs.particulates {
        case .sample(let fine1, let fine, let coarse, let atMs)? where ParticulateReading.isPlausible(pm1: fine1, pm2_5: fine, pm10: coarse):
            failure = nil
            if lastSampleMs.map({ atMs > $0 }) ?? true {
                lastSampleMs = atMs
                pm1.add(fine1, atMs: atMs)
                pm2_5.add(fine, atMs: atMs)
                pm10.add(coarse, atMs: atMs)
            }
        case .sample?:
            fail(ParticulateReading.outOfRange, events: &events)
        case .failed(let error)?:
            fail(error, events: &events)
        case nil:
            break
        }
        let minute = now / 60_000
        if let last = lastMinute, minute > last {
            let record = AirMinute(
                pm1: pm1.mean(.minute, nowMs: now), pm2_5: pm2_5.mean(.minute, nowMs: now), pm10: pm10.mean(.minute, nowMs: now),
                nowCast: AirNowCast(pm2_5: pm2_5, pm10: pm10, nowMs: now)
            )
            events.append(.airMinute(record))
            grade = record.grade
            indication = failure == nil ? record.grade?.indication ?? .off : .off
        }
        lastMinute = minute
        // The alert is fed whole hours; between hours its update does nothing, so it is asked only
        // when the hour changes (it takes the means by value: every call copies them).
        let hour = now >= 0 ? now / RollingMean.hourMs : (now - RollingMean.hourMs + 1) / RollingMean.hourMs
        if hour != alertHour {
            alertHour = hour
            if let level = alert.update(nowMs: now, pm2_5: pm2_5, pm10: pm10) {
                events.append(.alert(level))
            }
        }
        outputs.air = indication
        let healthy = failure == nil && inputs.particulates != nil
        outputs.mist = mist.update(grade: grade, sensorHealthy: healthy, date: inputs.localDate, nowMs: now)
    }

    /// A failed reading: logged when its error changes, and the indication dark until a sample comes.
    private mutating func fail(_ error: String, events: inout [Event]) {
        if error != failure { events.append(.sensorError(sensor: "pm", error: error)) }
        failure = error
        indication = .off
    }
}
