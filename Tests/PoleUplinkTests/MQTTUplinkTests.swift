@testable import PoleUplink
import Testing

/// The uplink's client id: unique per site within MQTT 3.1.1's 23 characters.
@Suite struct MQTTUplinkTests {
    @Test func aShortSiteIDIsUsedAsItIs() {
        #expect(MQTTUplink.defaultClientID(siteID: "gangnam-17") == "poled-gangnam-17")
    }

    @Test func longSiteIDsSharingABeginningGetDifferentIDs() {
        let first = MQTTUplink.defaultClientID(siteID: "seoul-jongno-crosswalk-0012")
        let second = MQTTUplink.defaultClientID(siteID: "seoul-jongno-crosswalk-0013")
        #expect(first != second)
        #expect(first.utf8.count == 23 && second.utf8.count == 23)
        #expect(first.hasPrefix("p-osswalk-0012-"), "the end of the site id, which tells poles apart")
    }
}
