@testable import PoleCore
import Testing

/// Invariant 3's timing edges, tick by tick at 10 ms so each threshold is hit exactly.
@Suite struct ConflictRuleTests {
    /// Feeds `disagree` every 10 ms for `durationMs`; returns whether it latched at the end. The head
    /// or floor last changed at `changeAtMs`, by default when the feed starts (a floor catching up).
    private func feed(
        _ rule: inout ConflictRule, _ disagree: Bool, from startMs: Int64, forMs durationMs: Int64, flashing: Bool = false,
        changeAtMs: Int64? = nil
    ) -> Bool {
        var latched = false
        var now = startMs
        while now < startMs + durationMs {
            latched = rule.update(disagree: disagree, flashing: flashing, lastChangeMs: changeAtMs ?? startMs, nowMs: now)
            now += 10
        }
        return latched
    }

    @Test func disagreementIsDefinedAsAColourTheHeadDoesNotShow() {
        #expect(ConflictRule.disagrees(floor: FloorSense(commanded: .green), headRed: .lit, headGreen: .dark))
        #expect(ConflictRule.disagrees(floor: FloorSense(commanded: .red), headRed: .dark, headGreen: .lit))
        #expect(ConflictRule.disagrees(floor: FloorSense(red: .lit, green: .lit), headRed: .lit, headGreen: .dark))
        #expect(!ConflictRule.disagrees(floor: FloorSense(commanded: .dark), headRed: .lit, headGreen: .dark), "dark is safe")
        #expect(!ConflictRule.disagrees(floor: FloorSense(commanded: .green), headRed: .dark, headGreen: .lit))
    }

    @Test func edgesShorterThanTheAllowanceNeverLatch() {
        var rule = ConflictRule(allowanceMs: 100)
        var now: Int64 = 0
        for _ in 0..<50 {
            let step1 = feed(&rule, true, from: now, forMs: 100)
            #expect(!step1)
            now += 100
            let step2 = feed(&rule, false, from: now, forMs: 20)
            #expect(!step2)
            now += 20
        }
    }

    @Test func aSteadyConflictLatchesAt300MsNotBefore() {
        var rule = ConflictRule(allowanceMs: 100)
        let step3 = rule.update(disagree: true, flashing: false, lastChangeMs: 0, nowMs: 0)
        #expect(!step3)
        let step4 = feed(&rule, true, from: 10, forMs: 290, changeAtMs: 0)
        #expect(!step4, "290 ms of disagreement")
        let step5 = rule.update(disagree: true, flashing: false, lastChangeMs: 0, nowMs: 300)
        #expect(step5, "300 ms")
    }

    @Test func shortConflictsAddUpUntilAgreementResetsThem() {
        var rule = ConflictRule(allowanceMs: 100)
        let step6 = feed(&rule, true, from: 0, forMs: 160)
        #expect(!step6, "150 ms counted")
        let step7 = feed(&rule, false, from: 160, forMs: 400)
        #expect(!step7, "400 ms of agreement, and the next edge's 100 ms, stay below the 666 ms reset")
        let step8 = feed(&rule, true, from: 560, forMs: 160)
        #expect(step8, "150 + 150 ms reach 300 ms")
    }

    @Test func agreementOf666MsResetsTheAccumulator() {
        var rule = ConflictRule(allowanceMs: 100)
        let step9 = feed(&rule, true, from: 0, forMs: 160)
        #expect(!step9)
        let step10 = feed(&rule, false, from: 160, forMs: 670)
        #expect(!step10, "666 ms of agreement and more")
        let step11 = feed(&rule, true, from: 830, forMs: 160)
        #expect(!step11, "starts again from zero")
    }

    @Test func whileFlashingTheResetTakes1500Ms() {
        var rule = ConflictRule(allowanceMs: 100)
        let step12 = feed(&rule, true, from: 0, forMs: 160, flashing: true)
        #expect(!step12)
        let step13 = feed(&rule, false, from: 160, forMs: 1_000, flashing: true)
        #expect(!step13, "1 s of agreement is not enough while flashing")
        let step14 = feed(&rule, true, from: 1_160, forMs: 160, flashing: true)
        #expect(step14)
    }

    @Test func resetForgetsTheAccumulatedTime() {
        var rule = ConflictRule(allowanceMs: 100)
        let step15 = feed(&rule, true, from: 0, forMs: 250)
        #expect(!step15)
        rule.reset()
        let step16 = feed(&rule, true, from: 250, forMs: 250)
        #expect(!step16)
    }

    @Test func edgesCountAsAgreementTowardTheReset() {
        var rule = ConflictRule(allowanceMs: 100)
        let counted = feed(&rule, true, from: 0, forMs: 160)
        let agreed = feed(&rule, false, from: 160, forMs: 600)
        let again = feed(&rule, true, from: 760, forMs: 160)
        #expect(!counted)
        #expect(!agreed)
        #expect(!again, "600 ms of agreement plus a 100 ms edge pass 666 ms: the first 150 ms were forgotten")
    }

    @Test func aFlickerThatFollowsNoChangeCountsFromItsFirstTick() {
        var rule = ConflictRule(allowanceMs: 100)
        var latched = false
        var now: Int64 = 10_000
        for _ in 0..<5 where !latched {
            latched = feed(&rule, true, from: now, forMs: 90, changeAtMs: 0)
            now += 90
            if !latched { latched = feed(&rule, false, from: now, forMs: 50, changeAtMs: 0) }
            now += 50
        }
        #expect(latched, "90 ms bursts of floor green under a red head, 50 ms apart, are a fault, not edges")
    }
}
