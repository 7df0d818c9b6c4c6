@testable import PoleCore
import Testing

@Suite struct ImplausibleHeadRuleTests {
    @Test func bothLitIsImplausibleAt300MsNotBefore() {
        var rule = ImplausibleHeadRule()
        let step1 = rule.update(red: .lit, green: .lit, nowMs: 1_000)
        #expect(!step1)
        let step2 = rule.update(red: .lit, green: .lit, nowMs: 1_299)
        #expect(!step2)
        let step3 = rule.update(red: .lit, green: .lit, nowMs: 1_300)
        #expect(step3)
    }

    @Test func darkIsImplausibleAt1500MsNotBefore() {
        var rule = ImplausibleHeadRule()
        let step4 = rule.update(red: .dark, green: .dark, nowMs: 0)
        #expect(!step4)
        let step5 = rule.update(red: .dark, green: .dark, nowMs: 1_499)
        #expect(!step5)
        let step6 = rule.update(red: .dark, green: .dark, nowMs: 1_500)
        #expect(step6)
    }

    @Test func itClearsOnlyWhenTheHeadShowsExactlyOneLamp() {
        var rule = ImplausibleHeadRule()
        _ = rule.update(red: .lit, green: .lit, nowMs: 0)
        let step7 = rule.update(red: .lit, green: .lit, nowMs: 300)
        #expect(step7)
        let step8 = rule.update(red: .dark, green: .dark, nowMs: 320)
        #expect(step8, "dark is no better")
        let step9 = rule.update(red: .dark, green: .lit, nowMs: 340)
        #expect(!step9)
    }

    @Test func aShortBothLitOverlapIsNotImplausible() {
        var rule = ImplausibleHeadRule()
        _ = rule.update(red: .lit, green: .lit, nowMs: 0)
        _ = rule.update(red: .lit, green: .dark, nowMs: 200)
        let step10 = rule.update(red: .lit, green: .lit, nowMs: 400)
        #expect(!step10)
        let step11 = rule.update(red: .lit, green: .lit, nowMs: 699)
        #expect(!step11)
    }
}

@Suite struct StartupHoldTests {
    @Test func holdsForTheHoldTimeAndUntilTheHeadWasValid() {
        var hold = StartupHold(holdMs: 6_000)
        let step12 = hold.update(headValid: true, nowMs: 1_000)
        #expect(step12)
        let step13 = hold.update(headValid: true, nowMs: 6_999)
        #expect(step13)
        let step14 = hold.update(headValid: true, nowMs: 7_000)
        #expect(!step14)
    }

    @Test func aValidHeadIsNeededEvenAfterTheTime() {
        var hold = StartupHold(holdMs: 6_000)
        let step15 = hold.update(headValid: false, nowMs: 0)
        #expect(step15)
        let step16 = hold.update(headValid: false, nowMs: 60_000)
        #expect(step16)
        let step17 = hold.update(headValid: true, nowMs: 60_020)
        #expect(!step17)
    }

    @Test func restartHoldsAgainFromTheNextTick() {
        var hold = StartupHold(holdMs: 6_000)
        _ = hold.update(headValid: true, nowMs: 0)
        let step18 = hold.update(headValid: true, nowMs: 10_000)
        #expect(!step18)
        hold.restart()
        let step19 = hold.update(headValid: true, nowMs: 10_020)
        #expect(step19)
        let step20 = hold.update(headValid: true, nowMs: 16_019)
        #expect(step20)
        let step21 = hold.update(headValid: true, nowMs: 16_020)
        #expect(!step21)
    }
}

@Suite struct FloorSenseRuleTests {
    private func lasting(_ commanded: FloorIndication, _ sensed: FloorSense, forMs durationMs: Int64) -> Fault? {
        var rule = FloorSenseRule(allowanceMs: 100)
        _ = rule.update(commanded: commanded, sensed: sensed, nowMs: 0)
        return rule.update(commanded: commanded, sensed: sensed, nowMs: durationMs)
    }

    @Test func lampOutAfterTheAllowance() {
        #expect(lasting(.green, FloorSense(red: .dark, green: .dark), forMs: 100) == nil)
        #expect(lasting(.green, FloorSense(red: .dark, green: .dark), forMs: 101) == .floorLampOut)
        #expect(lasting(.red, FloorSense(red: .dark, green: .dark), forMs: 101) == .floorLampOut)
    }

    @Test func wrongColourAfterTheAllowance() {
        #expect(lasting(.red, FloorSense(red: .dark, green: .lit), forMs: 100) == nil)
        #expect(lasting(.red, FloorSense(red: .dark, green: .lit), forMs: 101) == .floorWrongColour)
        #expect(lasting(.dark, FloorSense(red: .dark, green: .lit), forMs: 101) == .floorWrongColour, "lit while dark was commanded")
    }

    @Test func bothLitAfterTheAllowance() {
        #expect(lasting(.red, FloorSense(red: .lit, green: .lit), forMs: 100) == nil)
        #expect(lasting(.red, FloorSense(red: .lit, green: .lit), forMs: 101) == .floorBothLit)
        #expect(lasting(.dark, FloorSense(red: .lit, green: .lit), forMs: 101) == .floorBothLit)
    }

    @Test func aSenseThatFollowsTheCommandIsNoFault() {
        #expect(lasting(.green, FloorSense(red: .dark, green: .lit), forMs: 10_000) == nil)
        #expect(lasting(.dark, FloorSense(red: .dark, green: .dark), forMs: 10_000) == nil)
    }
}
