import PoleCore
import Testing

/// A pole with a crosswalk and a security lamp, stepped every 20 ms with the head held.
private struct MaintenanceDriver {
    var pole = Pole(
        settings: PoleSettings(crosswalk: CrosswalkSettings(), presenceZones: ["a"], lamp: LampSettings())
    )
    var nowMs: Int64 = 0
    var events: [Event] = []
    var outputs = Outputs.safe
    /// Every outcome of every command sent, in order.
    var outcomes: [CommandOutcome] = []

    mutating func run(red: Lamp, green: Lamp, forMs durationMs: Int64, commands: [Command] = []) {
        let end = nowMs + durationMs
        var pending = commands
        repeat {
            var tick: [Event] = []
            outputs = pole.step(
                Inputs(monotonicMs: nowMs, utcSeconds: 1_782_010_800, headRed: red, headGreen: green, presence: [false], commands: pending),
                events: &tick
            )
            outcomes += pole.outcomes
            events += tick
            pending = []
            nowMs += 20
        } while nowMs < end
    }

    /// Sends one command on a single tick and returns its outcome.
    mutating func send(_ command: Command, red: Lamp, green: Lamp) -> CommandOutcome {
        run(red: red, green: green, forMs: 20, commands: [command])
        return outcomes.last!
    }
}

@Suite struct MaintenanceTests {
    @Test func aTestOutsideMaintenanceIsRefusedSayingMaintenanceIsNeeded() {
        var driver = MaintenanceDriver()
        driver.run(red: .dark, green: .lit, forMs: 7_000)
        let outcome = driver.send(.test(.floor(.green), durationMs: 5_000, by: "uid 1000"), red: .dark, green: .lit)
        #expect(!outcome.isDone)
        #expect(outcome.message.contains("needs maintenance"))
        #expect(driver.events.contains(.audit(
            command: "test floor-green --for 5s", by: "uid 1000", reason: nil, outcome: outcome
        )))
    }

    @Test func maintenanceDarkensTheCrosswalkAndEndsByItselfThenHoldsAgain() {
        var driver = MaintenanceDriver()
        driver.run(red: .dark, green: .lit, forMs: 7_000)
        #expect(driver.outputs.floor == .green)
        #expect(driver.send(.maintenance(on: true, durationMs: 60_000, by: "uid 1000", reason: "lens"), red: .dark, green: .lit).isDone)
        driver.run(red: .dark, green: .lit, forMs: 1_000)
        #expect(driver.outputs.floor == .dark)
        #expect(driver.outputs.voice == .none)
        #expect(driver.pole.maintenance.isActive)
        driver.run(red: .dark, green: .lit, forMs: 59_000)
        #expect(!driver.pole.maintenance.isActive)
        #expect(driver.events.contains(.maintenance(active: false, by: nil)))
        driver.run(red: .dark, green: .lit, forMs: 3_000)
        #expect(driver.outputs.floor == .dark, "the start-up hold runs again after maintenance")
        driver.run(red: .dark, green: .lit, forMs: 4_000)
        #expect(driver.outputs.floor == .green)
    }

    @Test func floorGreenUnderAGreenHeadLightsForItsDurationThenRestoresDark() {
        var driver = MaintenanceDriver()
        driver.run(red: .dark, green: .lit, forMs: 7_000)
        _ = driver.send(.maintenance(on: true, durationMs: 600_000, by: "uid 1000", reason: nil), red: .dark, green: .lit)
        let outcome = driver.send(.test(.floor(.green), durationMs: 2_000, by: "uid 1000"), red: .dark, green: .lit)
        #expect(outcome.isDone, "\(outcome.message)")
        driver.run(red: .dark, green: .lit, forMs: 1_900)
        #expect(driver.outputs.floor == .green)
        driver.run(red: .dark, green: .lit, forMs: 200)
        #expect(driver.outputs.floor == .dark)
        #expect(driver.events.contains(.testEnded(.floor(.green), reason: "its time is up")))
    }

    @Test func floorGreenUnderARedHeadIsRefused() {
        var driver = MaintenanceDriver()
        driver.run(red: .lit, green: .dark, forMs: 7_000)
        _ = driver.send(.maintenance(on: true, durationMs: 600_000, by: "uid 1000", reason: nil), red: .lit, green: .dark)
        let outcome = driver.send(.test(.floor(.green), durationMs: 2_000, by: "uid 1000"), red: .lit, green: .dark)
        #expect(!outcome.isDone)
        #expect(outcome.message.contains("only while the head shows green"))
        driver.run(red: .lit, green: .dark, forMs: 1_000)
        #expect(driver.outputs.floor == .dark)
    }

    @Test func floorGreenStopsTheTickTheHeadLeavesGreen() {
        var driver = MaintenanceDriver()
        driver.run(red: .dark, green: .lit, forMs: 7_000)
        _ = driver.send(.maintenance(on: true, durationMs: 600_000, by: "uid 1000", reason: nil), red: .dark, green: .lit)
        _ = driver.send(.test(.floor(.green), durationMs: 60_000, by: "uid 1000"), red: .dark, green: .lit)
        driver.run(red: .dark, green: .lit, forMs: 1_000)
        #expect(driver.outputs.floor == .green)
        var greenAfterRed = false
        var stepped = 0
        while stepped < 100 {
            driver.run(red: .lit, green: .dark, forMs: 20)
            if driver.outputs.floor == .green, driver.pole.head != .green { greenAfterRed = true }
            stepped += 1
        }
        #expect(!greenAfterRed, "never green once the head is no longer green")
        #expect(driver.outputs.floor == .dark)
        #expect(driver.pole.maintenance.test == nil)
        #expect(driver.events.contains(.testEnded(.floor(.green), reason: "the head left green")))
    }

    @Test func aLatchedFaultRefusesFloorTestsButNotOthers() {
        var driver = MaintenanceDriver()
        driver.pole = Pole(
            settings: PoleSettings(crosswalk: CrosswalkSettings(), presenceZones: ["a"], lamp: LampSettings()),
            latchedFaults: [.conflict]
        )
        driver.run(red: .lit, green: .dark, forMs: 7_000)
        _ = driver.send(.maintenance(on: true, durationMs: 600_000, by: "uid 0", reason: nil), red: .lit, green: .dark)
        #expect(!driver.send(.test(.floor(.red), durationMs: 2_000, by: "uid 0"), red: .lit, green: .dark).isDone)
        #expect(driver.send(.test(.beacon, durationMs: 2_000, by: "uid 0"), red: .lit, green: .dark).isDone)
        driver.run(red: .lit, green: .dark, forMs: 100)
        #expect(driver.outputs.beaconLamp == .on)
        #expect(driver.outputs.floor == .dark)
    }

    @Test func aLampAndAnAirTestDriveTheirOutputsAndEndWithMaintenance() {
        var driver = MaintenanceDriver()
        driver.run(red: .lit, green: .dark, forMs: 1_000)
        _ = driver.send(.maintenance(on: true, durationMs: 3_000, by: "uid 0", reason: nil), red: .lit, green: .dark)
        _ = driver.send(.test(.air(.veryBad), durationMs: 60_000, by: "uid 0"), red: .lit, green: .dark)
        driver.run(red: .lit, green: .dark, forMs: 100)
        #expect(driver.outputs.air == .veryBad)
        driver.run(red: .lit, green: .dark, forMs: 3_000)
        #expect(driver.outputs.air == .off)
        #expect(driver.events.contains(.testStarted(.air(.veryBad), durationMs: 2_980, by: "uid 0")), "a test never outlasts maintenance")
        #expect(!driver.pole.maintenance.isActive)
    }

    @Test func theCrossMessageIsNeverTestedByHandEvenUnderAGreenHead() {
        var driver = MaintenanceDriver()
        driver.run(red: .dark, green: .lit, forMs: 7_000)
        _ = driver.send(.maintenance(on: true, durationMs: 600_000, by: "uid 0", reason: nil), red: .dark, green: .lit)
        let cross = driver.send(.test(.voice(.greenCross), durationMs: 2_000, by: "uid 0"), red: .dark, green: .lit)
        #expect(!cross.isDone)
        #expect(cross.message.contains("invariant 7"))
        driver.run(red: .dark, green: .lit, forMs: 100)
        #expect(driver.outputs.voice == .none)
        driver.run(red: .lit, green: .dark, forMs: 200)
        #expect(driver.send(.test(.voice(.redWait), durationMs: 2_000, by: "uid 0"), red: .lit, green: .dark).isDone)
        driver.run(red: .lit, green: .dark, forMs: 100)
        #expect(driver.outputs.voice == .redWait)
        driver.run(red: .dark, green: .lit, forMs: 200)
        #expect(driver.outputs.voice == .none, "\"do not enter\" is played only under red (found by the soak)")
        #expect(driver.events.contains(.testEnded(.voice(.redWait), reason: "the head left red")))
    }

    @Test func aTestSentAsMaintenanceRunsOutIsRefusedNotATrap() {
        var driver = MaintenanceDriver()
        driver.run(red: .lit, green: .dark, forMs: 1_000)
        _ = driver.send(.maintenance(on: true, durationMs: 1_000, by: "uid 0", reason: nil), red: .lit, green: .dark)
        driver.run(red: .lit, green: .dark, forMs: 980)
        var events: [Event] = []
        _ = driver.pole.step(
            Inputs(monotonicMs: driver.nowMs + 7, utcSeconds: 1_782_010_800, presence: [false], commands: [.test(.beacon, durationMs: 5_000, by: "uid 0")]),
            events: &events
        )
        #expect(driver.pole.outcomes.first?.isDone == false, "maintenance ended this very tick")
        #expect(!driver.pole.maintenance.isActive)
    }

    @Test func clearingFaultsReportsWhatItClearedAndIsAudited() {
        var driver = MaintenanceDriver()
        driver.pole = Pole(settings: PoleSettings(crosswalk: CrosswalkSettings(), presenceZones: ["a"]), latchedFaults: [.conflict])
        let outcome = driver.send(.clearFaults(nil, by: "uid 1000", reason: "cable fixed"), red: .lit, green: .dark)
        #expect(outcome == .done("cleared conflict; the floor follows again after the start-up hold"))
        #expect(driver.events.contains(.audit(command: "faults clear --all", by: "uid 1000", reason: "cable fixed", outcome: outcome)))
        #expect(driver.send(.clearFaults([.floorLampOut], by: "uid 1000", reason: "r"), red: .lit, green: .dark)
            == .done("no latched fault to clear among floor-lamp-out"))
    }
}
