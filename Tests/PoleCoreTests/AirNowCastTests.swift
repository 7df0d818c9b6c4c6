import PoleCore
import Testing

/// The hourly NowCast the uplink's air messages carry: EPA's NowCast over the hourly means the
/// fine-dust alert also uses, truncated as the AQI uses it, and its AQI.
@Suite struct AirNowCastTests {
    /// Air quality fed one sample a second from 0 to `endMs`, PM2.5 and PM10 from `air(ms)`; the air
    /// minutes it recorded.
    static func minutes(until endMs: Int64, air: (Int64) -> (pm2_5: Double, pm10: Double)) -> [AirMinute] {
        var quality = AirQuality()
        var outputs = Outputs.safe
        var events: [Event] = []
        var minutes: [AirMinute] = []
        for ms in stride(from: Int64(0), through: endMs, by: 1_000) {
            let (fine, coarse) = air(ms)
            let inputs = Inputs(monotonicMs: ms, utcSeconds: 1_800_000_000 + ms / 1_000, particulates: .sample(pm1: fine, pm2_5: fine, pm10: coarse, atMs: ms))
            events.removeAll(keepingCapacity: true)
            quality.step(inputs, outputs: &outputs, events: &events)
            for case .airMinute(let minute) in events { minutes.append(minute) }
        }
        return minutes
    }

    @Test func nothingUntilTwoOfTheLastThreeHoursAreComplete() {
        let minutes = Self.minutes(until: 2 * 3_600_000) { _ in (20.05, 40.9) }
        #expect(minutes.count == 120)
        #expect(minutes.prefix(119).allSatisfy { $0.nowCast == nil }, "one complete hour is not enough")
        #expect(minutes.last?.nowCast == AirNowCast(pm2_5: 20.0, pm10: 40), "steady air: the plain mean, truncated")
        #expect(minutes.last?.nowCast?.aqi == USAQI.index(pm2_5: 20.0, pm10: 40))
    }

    /// 10 then 40 µg/m³: w = 1 − 30/40 = 0.25, floored at 0.5, so (40 + 0.5 × 10) / 1.5 = 30 for PM2.5,
    /// (80 + 0.5 × 20) / 1.5 = 60 for PM10. AQI: PM2.5 30.0 is 90, PM10 60 is 53.
    @Test func recentHoursWeighMoreWhenTheAirChanges() throws {
        let minutes = Self.minutes(until: 2 * 3_600_000) { ms in ms < 3_600_000 ? (10, 20) : (40, 80) }
        let nowCast = try #require(minutes.last?.nowCast)
        #expect(nowCast == AirNowCast(pm2_5: 30.0, pm10: 60))
        #expect(nowCast.aqi == 90)
    }

    /// Within an hour the NowCast does not move: it changes when an hour completes.
    @Test func itChangesOnlyWhenAnHourCompletes() {
        let minutes = Self.minutes(until: 3 * 3_600_000 - 60_000) { ms in ms < 2 * 3_600_000 ? (10, 20) : (90, 180) }
        let lastHour = minutes.suffix(59)
        #expect(Set(lastHour.map(\.nowCast)).count == 1)
        #expect(lastHour.first?.nowCast == AirNowCast(pm2_5: 10.0, pm10: 20))
        #expect(lastHour.first?.grade == .veryBad, "the minute shows the air now; the NowCast the last hours")
    }

    @Test func concentrationsAreTruncatedAsTheAQIUsesThem() {
        let nowCast = AirNowCast(pm2_5: 35.49, pm10: 154.9)
        #expect(nowCast.pm2_5 == 35.4 && nowCast.pm10 == 154)
        #expect(nowCast.aqi == 100)
        #expect(AirNowCast(pm2_5: nil, pm10: nil).aqi == nil)
    }
}
