import PoleLinux
import Testing

@Suite struct SiteLocalTimeTests {
    @Test func seoulIsNineHoursAheadOfUTC() {
        var local = SiteLocalTime(zone: "Asia/Seoul")
        #expect(local.convert(utcSeconds: 1_764_061_200)?.minuteOfDay == 18 * 60, "2025-11-25T09:00Z is 18:00 in Seoul")
        #expect(local.convert(utcSeconds: 1_764_061_200 + 59)?.minuteOfDay == 18 * 60, "same minute, cached")
        #expect(local.convert(utcSeconds: 1_764_061_200 + 60)?.minuteOfDay == 18 * 60 + 1)
        #expect(local.convert(utcSeconds: 1_764_061_200 + 6 * 3_600)?.minuteOfDay == 0, "midnight wraps")
    }
}
