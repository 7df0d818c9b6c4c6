import PoleHAL
import PoleTesting
import Testing

/// The helper that stands in for Swift Testing 6.1's returning `#expect(throws:)`: it returns the
/// error, and records an issue when there is none or another kind.
@Suite struct ExpectErrorTests {
    struct Other: Error {}

    @Test func theThrownErrorOfTheTypeIsReturned() {
        let error = expectError(HALError.self) { throw HALError(.timeout, context: "bus") }
        #expect(error?.kind == .timeout)
        #expect(error?.context == "bus")
    }

    @Test func aBodyThatThrowsNothingIsAnIssue() {
        withKnownIssue {
            let error = expectError(HALError.self, "at 5 ms") {}
            #expect(error == nil)
        } matching: { issue in
            String(describing: issue).contains("none was thrown (at 5 ms)")
        }
    }

    @Test func anErrorOfAnotherTypeIsAnIssue() {
        withKnownIssue {
            let error = expectError(HALError.self) { throw Other() }
            #expect(error == nil)
        } matching: { issue in
            String(describing: issue).contains("Other() was thrown")
        }
    }
}
