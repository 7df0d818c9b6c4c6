import Glibc
import PoleHAL
import PoleLinux
import Testing

/// The real libgpiod backend, whichever API it was built for, on a machine without the lines asked
/// for (CI has no GPIO chip at all): a missing line or chip is `notFound`, named, as on a pole.
@Suite struct LibgpiodTests {
    @Test func theBuiltAPIMatchesTheLibraryLoaded() throws {
        let description = Libgpiod.apiDescription
        let api = try #require(description.firstMatch(of: /^libgpiod v([12]) API, library ([0-9]+)\./))
        #expect(api.1 == api.2, "\(description): the API compiled in is the library's major version")
    }

    @Test func aLineNoChipHasIsNotFound() {
        #expect {
            try Libgpiod().locate("POLED_NO_SUCH_LINE", chipLabel: nil)
        } throws: { error in
            let hal = error as? HALError
            return hal?.kind == .notFound && hal?.context.hasPrefix("line \"POLED_NO_SUCH_LINE\" on any chip: ") == true
        }
    }

    @Test func aChipNoDeviceHasIsNotFound() {
        #expect {
            try Libgpiod().locate("GPIO17", chipLabel: "poled-no-such-chip")
        } throws: { error in
            let hal = error as? HALError
            return hal?.kind == .notFound
                && hal?.context.hasPrefix("chip labelled \"poled-no-such-chip\" (looking for line \"GPIO17\"): ") == true
        }
    }
}
