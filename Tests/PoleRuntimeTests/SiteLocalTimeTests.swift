import PoleLinux
import Testing

@Suite(.serialized) struct SiteLocalTimeTests {
    @Test func seoulIsNineHoursAheadOfUTC() {
        var local = SiteLocalTime(zone: "Asia/Seoul")
        #expect(local.minuteOfDay(utcSeconds: 1_764_061_200) == 18 * 60, "2025-11-25T09:00Z is 18:00 in Seoul")
        #expect(local.minuteOfDay(utcSeconds: 1_764_061_200 + 59) == 18 * 60, "same minute, cached")
        #expect(local.minuteOfDay(utcSeconds: 1_764_061_200 + 60) == 18 * 60 + 1)
        #expect(local.minuteOfDay(utcSeconds: 1_764_061_200 + 6 * 3_600) == 0, "midnight wraps")
    }

    @Test func daylightSavingTimeIsFollowed() {
        var local = SiteLocalTime(zone: "Europe/Berlin")
        #expect(local.minuteOfDay(utcSeconds: 1_782_302_400) == 14 * 60, "2026-06-24T12:00Z is 14:00 CEST")
        #expect(local.minuteOfDay(utcSeconds: 1_766_577_600) == 13 * 60, "2025-12-24T12:00Z is 13:00 CET")
    }
}
