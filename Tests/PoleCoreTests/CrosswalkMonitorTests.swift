import PoleCore
import Testing

/// The monitor as the crosswalk uses it, one 20 ms tick at a time.
private struct MonitorDriver {
    var monitor: CrosswalkMonitor
    var nowMs: Int64 = 0
    var events: [Event] = []

    init(latched: [Fault] = []) {
        monitor = CrosswalkMonitor(settings: CrosswalkSettings(), latched: latched)
    }

    /// Runs ticks with the head lamps and the floor as commanded (and sensed, when given).
    mutating func run(
        red: Lamp, green: Lamp, floor: FloorIndication, sensed: FloorSense? = nil,
        forMs durationMs: Int64, commands: [Command] = []
    ) {
        let end = nowMs + durationMs
        var first = true
        while nowMs < end {
            let inputs = Inputs(
                monotonicMs: nowMs, utcSeconds: 0, headRed: red, headGreen: green,
                floorRedSense: sensed?.red, floorGreenSense: sensed?.green, commands: first ? commands : []
            )
            first = false
            for case .clearFaults(let faults, let by, let reason) in inputs.commands {
                _ = monitor.clear(faults, by: by, reason: reason, events: &events)
            }
            let signal: HeadSignal = red == green ? (red == .lit ? .implausible : .dark) : (red == .lit ? .red : .green)
            monitor.observeHead(inputs, signal: signal, events: &events)
            monitor.observeFloor(inputs, commanded: floor, events: &events)
            nowMs += 20
        }
    }
}

@Suite struct CrosswalkMonitorTests {
    @Test func theFloorIsHeldDarkDuringTheStartUpHold() {
        var driver = MonitorDriver()
        driver.run(red: .lit, green: .dark, floor: .dark, forMs: 5_980)
        #expect(!driver.monitor.permitsFloor)
        driver.run(red: .lit, green: .dark, floor: .dark, forMs: 40)
        #expect(driver.monitor.permitsFloor)
    }

    @Test func floorGreenUnderARedHeadLatchesAConflict() {
        var driver = MonitorDriver()
        driver.run(red: .lit, green: .dark, floor: .red, forMs: 7_000)
        driver.run(red: .lit, green: .dark, floor: .green, forMs: 280)
        #expect(driver.monitor.latched.isEmpty)
        driver.run(red: .lit, green: .dark, floor: .green, forMs: 40)
        #expect(driver.monitor.latched == [.conflict])
        #expect(!driver.monitor.permitsFloor)
        #expect(driver.events.contains(.faultRaised(.conflict)))
    }

    @Test func aLatchedFaultStaysUntilClearedThenTheHoldRunsAgain() {
        var driver = MonitorDriver(latched: [.conflict])
        driver.run(red: .lit, green: .dark, floor: .dark, forMs: 60_000)
        #expect(!driver.monitor.permitsFloor, "a latched fault survives any wait")
        let clear = Command.clearFaults(nil, by: "uid 1000", reason: "cable fixed")
        driver.run(red: .lit, green: .dark, floor: .dark, forMs: 20, commands: [clear])
        #expect(driver.events == [.faultCleared(.conflict, by: "uid 1000", reason: "cable fixed")])
        #expect(driver.monitor.latched.isEmpty)
        #expect(!driver.monitor.permitsFloor, "the start-up hold follows a cleared fault")
        driver.run(red: .lit, green: .dark, floor: .dark, forMs: 6_000)
        #expect(driver.monitor.permitsFloor)
    }

    @Test func clearingNamesOnlyTheFaultsItClears() {
        var driver = MonitorDriver(latched: [.conflict, .floorLampOut])
        driver.run(red: .lit, green: .dark, floor: .dark, forMs: 20, commands: [.clearFaults([.floorLampOut], by: "t", reason: "r")])
        #expect(driver.monitor.latched == [.conflict])
        #expect(driver.events == [.faultCleared(.floorLampOut, by: "t", reason: "r")])
    }

    @Test func anImplausibleHeadIsRaisedAndClearsItself() {
        var driver = MonitorDriver()
        driver.run(red: .lit, green: .dark, floor: .dark, forMs: 7_000)
        driver.run(red: .lit, green: .lit, floor: .dark, forMs: 400)
        #expect(driver.events == [.faultRaised(.headImplausible)])
        #expect(driver.monitor.headImplausible)
        #expect(driver.monitor.latched.isEmpty)
        driver.run(red: .dark, green: .lit, floor: .dark, forMs: 100)
        #expect(driver.events.last == .faultCleared(.headImplausible, by: nil, reason: nil))
        #expect(!driver.monitor.permitsFloor, "the start-up hold follows")
    }

    @Test func floorSenseFaultsLatch() {
        var driver = MonitorDriver()
        driver.run(red: .lit, green: .dark, floor: .red, sensed: FloorSense(red: .lit, green: .dark), forMs: 7_000)
        #expect(driver.monitor.latched.isEmpty)
        driver.run(red: .lit, green: .dark, floor: .red, sensed: FloorSense(red: .dark, green: .dark), forMs: 200)
        #expect(driver.monitor.latched == [.floorLampOut])
    }

    @Test func restoredNonLatchingFaultsAreIgnored() {
        let monitor = CrosswalkMonitor(settings: CrosswalkSettings(), latched: [.headImplausible, .conflict, .conflict])
        #expect(monitor.latched == [.conflict])
    }
}
