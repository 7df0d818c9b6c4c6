import PoleCore
import Testing

/// Drives a classifier with lamp levels sampled every `tickMs`.
private struct HeadDriver {
    var classifier = HeadClassifier(settings: CrosswalkSettings())
    var nowMs: Int64 = 0
    let tickMs: Int64 = 20

    /// Holds the lamps for `durationMs` and returns the signal at the end.
    @discardableResult
    mutating func hold(red: Lamp, green: Lamp, forMs durationMs: Int64) -> HeadSignal {
        var signal = classifier.signal
        let end = nowMs + durationMs
        while nowMs < end {
            signal = classifier.update(red: red, green: green, nowMs: nowMs)
            nowMs += tickMs
        }
        return signal
    }

    /// Flashes green `cycles` times with the given on and off pulse widths; returns each signal seen.
    mutating func flash(onMs: Int64, offMs: Int64, cycles: Int) -> Set<HeadSignal> {
        var seen: Set<HeadSignal> = []
        for _ in 0..<cycles {
            seen.insert(hold(red: .dark, green: .lit, forMs: onMs))
            seen.insert(hold(red: .dark, green: .dark, forMs: offMs))
        }
        return seen
    }
}

@Suite struct HeadClassifierTests {
    @Test func startsDark() {
        let classifier = HeadClassifier(settings: CrosswalkSettings())
        #expect(classifier.signal == .dark)
    }

    @Test func redAloneIsRedAndGreenAloneIsGreen() {
        var head = HeadDriver()
        #expect(head.hold(red: .lit, green: .dark, forMs: 1_000) == .red)
        #expect(head.hold(red: .dark, green: .lit, forMs: 1_000) == .green)
    }

    @Test func redAndGreenTogetherIsImplausible() {
        var head = HeadDriver()
        head.hold(red: .lit, green: .dark, forMs: 1_000)
        #expect(head.hold(red: .lit, green: .lit, forMs: 20) == .implausible)
    }

    @Test func pulsesWithinTheWindowAreFlashingGreen() {
        var head = HeadDriver()
        head.hold(red: .dark, green: .lit, forMs: 5_000)
        let seen = head.flash(onMs: 500, offMs: 500, cycles: 6)
        #expect(head.classifier.signal == .flashingGreen)
        #expect(!seen.contains(.dark))
        #expect(!seen.contains(.red))
    }

    @Test func flashingIsRecognisedWhenGreenRelightsAfterAFlashGap() {
        var head = HeadDriver()
        head.hold(red: .dark, green: .lit, forMs: 5_000)
        #expect(head.hold(red: .dark, green: .dark, forMs: 500) == .green, "a gap shorter than a pulse holds the signal")
        #expect(head.hold(red: .dark, green: .lit, forMs: 20) == .flashingGreen)
    }

    @Test func pulsesShorterThanTheWindowAreNotFlashing() {
        var head = HeadDriver()
        head.hold(red: .dark, green: .lit, forMs: 5_000)
        let seen = head.flash(onMs: 100, offMs: 100, cycles: 10)
        #expect(!seen.contains(.flashingGreen))
        #expect(head.classifier.signal == .green)
    }

    @Test func greenOnLongerThanAPulseIsSteadyAgain() {
        var head = HeadDriver()
        head.hold(red: .dark, green: .lit, forMs: 5_000)
        _ = head.flash(onMs: 500, offMs: 500, cycles: 3)
        #expect(head.hold(red: .dark, green: .lit, forMs: 1_000) == .green)
    }

    @Test func aGapLongerThanAPulseIsDark() {
        var head = HeadDriver()
        head.hold(red: .dark, green: .lit, forMs: 5_000)
        _ = head.flash(onMs: 500, offMs: 500, cycles: 3)
        #expect(head.hold(red: .dark, green: .dark, forMs: 1_000) == .dark)
    }

    @Test func flashingThenRedIsRedAtOnce() {
        var head = HeadDriver()
        head.hold(red: .dark, green: .lit, forMs: 5_000)
        _ = head.flash(onMs: 500, offMs: 400, cycles: 3)
        #expect(head.hold(red: .lit, green: .dark, forMs: 20) == .red)
    }

    @Test func redThenGreenAfterAShortGapIsNotFlashing() {
        var head = HeadDriver()
        head.hold(red: .lit, green: .dark, forMs: 5_000)
        head.hold(red: .dark, green: .dark, forMs: 400)
        #expect(head.hold(red: .dark, green: .lit, forMs: 20) == .green)
    }

    @Test func implausibleDoesNotHoldThroughAGap() {
        var head = HeadDriver()
        head.hold(red: .lit, green: .lit, forMs: 500)
        #expect(head.hold(red: .dark, green: .dark, forMs: 20) == .dark)
    }
}
