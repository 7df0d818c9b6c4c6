import PoleCore
import Testing

/// The floor's one decision: head, monitor permission and maintenance in, the commanded floor out.
@Suite struct FloorFollowerTests {
    private static let signals: [HeadSignal] = [.red, .green, .flashingGreen, .dark, .implausible]
    private static let lamps: [(Lamp, Lamp)] = [(.dark, .dark), (.lit, .dark), (.dark, .lit), (.lit, .lit)]
    private static let modes: [FloorIndication?] = [nil, .dark, .red, .green]

    @Test func withoutTheMonitorsPermissionTheFloorIsDarkWhateverElseHolds() {
        for signal in Self.signals {
            for (red, green) in Self.lamps {
                for mode in Self.modes {
                    #expect(FloorFollower.floor(signal: signal, red: red, green: green, permitted: false, maintenance: mode) == .dark)
                }
            }
        }
    }

    @Test func inServiceTheFloorShowsTheLitLampsColourAndNeverTwoOrAnImplausibleHead() {
        #expect(FloorFollower.floor(signal: .red, red: .lit, green: .dark, permitted: true) == .red)
        #expect(FloorFollower.floor(signal: .green, red: .dark, green: .lit, permitted: true) == .green)
        #expect(FloorFollower.floor(signal: .flashingGreen, red: .dark, green: .lit, permitted: true) == .green, "in phase with the flash")
        #expect(FloorFollower.floor(signal: .flashingGreen, red: .dark, green: .dark, permitted: true) == .dark)
        #expect(FloorFollower.floor(signal: .green, red: .lit, green: .lit, permitted: true) == .dark)
        #expect(FloorFollower.floor(signal: .implausible, red: .dark, green: .lit, permitted: true) == .dark)
    }

    @Test func inMaintenanceATestedColourShowsOnlyUnderTheSteadyHeadOfThatColour() {
        for signal in Self.signals {
            for (red, green) in Self.lamps {
                #expect(FloorFollower.floor(signal: signal, red: red, green: green, permitted: true, maintenance: .dark) == .dark)
                let greenTest = FloorFollower.floor(signal: signal, red: red, green: green, permitted: true, maintenance: .green)
                #expect(greenTest == (signal == .green && red == .dark && green == .lit ? .green : .dark), "\(signal) \(red) \(green)")
                let redTest = FloorFollower.floor(signal: signal, red: red, green: green, permitted: true, maintenance: .red)
                #expect(redTest == (signal == .red && red == .lit && green == .dark ? .red : .dark), "\(signal) \(red) \(green)")
            }
        }
    }
}
