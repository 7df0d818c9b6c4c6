import PoleCore
import PoleSim
import Testing

@Suite struct StreetStateTests {
    @Test func simpleActionsSetTheWorld() {
        let street = Street(startUTCSeconds: 0)
        street.apply(.presence(zone: "a", present: true))
        street.apply(.motion(true))
        street.apply(.lux(3.0))
        street.apply(.photocell(true))
        street.apply(.particulates(pm2_5: 40, pm10: 100))
        #expect(street.isPresent(zone: "a"))
        #expect(!street.isPresent(zone: "b"))
        #expect(street.motion)
        #expect(street.lux == 3.0)
        #expect(street.photocellDark)
        #expect(street.pm2_5 == 40)
        #expect(street.pm10 == 100)
        street.apply(.presence(zone: "a", present: false))
        #expect(!street.isPresent(zone: "a"))
    }

    @Test func utcStartsAtTheScenarioStartAndTicks() {
        let street = Street(startUTCSeconds: 1_795_597_200)
        #expect(street.utcMilliseconds == 1_795_597_200_000)
        street.advance(toMs: 1_500)
        #expect(street.utcMilliseconds == 1_795_597_201_500)
    }

    @Test func settingUTCTakesEffectFromThatMomentAndKeepsTicking() {
        let street = Street(startUTCSeconds: 1_795_597_200)
        street.advance(toMs: 50_000)
        street.apply(.setUTC(seconds: 0))
        #expect(street.utcMilliseconds == 0)
        street.advance(toMs: 51_250)
        #expect(street.utcMilliseconds == 1_250)
    }

    @Test func commandsAreHandedOverOnce() {
        let street = Street(startUTCSeconds: 0)
        street.apply(.command(.clearFaults(nil, by: "t", reason: "r")))
        street.apply(.command(.clearFaults([.conflict], by: "t", reason: "r")))
        #expect(street.takeCommands() == [.clearFaults(nil, by: "t", reason: "r"), .clearFaults([.conflict], by: "t", reason: "r")])
        #expect(street.takeCommands().isEmpty)
        #expect(street.pendingCommands.isEmpty)
    }

    @Test func advanceMovesTimeForward() {
        let street = Street(startUTCSeconds: 0)
        #expect(street.nowMs == 0)
        street.advance(toMs: 20)
        street.advance(toMs: 20)
        #expect(street.nowMs == 20)
    }

    @Test func i2cActionsForAnAbsentDeviceAreIgnored() {
        let street = Street(startUTCSeconds: 0)
        street.apply(.i2cFault(device: "pm", fault: .nack, durationMs: nil))
        street.apply(.i2cFrame(device: "pm", bytes: [0]))
        street.apply(.i2cFaultCleared(device: "pm"))
        #expect(street.devices.isEmpty)
    }
}
