public import PoleConfig
public import PoleCore
import PoleRuntime
import PoleStore
import SystemPackage

/// The simulated board every harness that needs a whole pole runs against, and a short run of the
/// control core on a configuration a harness produced.
///
/// Exists so a configuration or recording that the readers accept is also driven through the core:
/// a value that passes validation but traps `Pole.step` is as much a crash as one that traps a reader.
public enum SimulatedPole {
    /// The checkout's root directory (this file is Fuzz/Sources/FuzzPole/SimulatedPole.swift).
    public static let repositoryRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/")
    }()

    /// The path of `boards/sim.toml`, as messages name it.
    public static let boardPath = repositoryRoot + "/boards/sim.toml"

    /// The text of `boards/sim.toml`.
    public static let boardText: String = {
        guard let bytes = try? ByteFile.readAll(path: boardPath, limit: 1 << 20), let text = String(validating: bytes, as: UTF8.self) else {
            fatalError("cannot read \(boardPath); run the harness from a checkout")
        }
        return text
    }()

    /// Where configurations without a site file put their socket and store.
    public static let sources = ConfigSources(sitePath: nil, boardPath: boardPath, runtimeDirectory: "/tmp", userID: 0)

    /// The simulated board with every setting at its default.
    public static let configuration: PoleConfiguration = {
        do {
            return try ConfigLoader.parse(site: nil, board: (boardPath, boardText), sources: sources)
        } catch {
            fatalError("boards/sim.toml does not load: \(error)")
        }
    }()

    /// Runs a pole with `settings` for two seconds of ticks and then a day and a half in half-hour
    /// steps, with the head cycling, people arriving and every sensor reporting, so each setting is
    /// used by the part of the core it configures. With `reloadedFrom`, the pole starts with those
    /// settings and takes `settings` after a second, as a SIGHUP reload of the site file does.
    public static func exercise(_ settings: PoleSettings, reloadedFrom running: PoleSettings? = nil) {
        var pole = Pole(settings: running ?? settings)
        var events: [Event] = []
        events.reserveCapacity(64)
        let startUTCSeconds: Int64 = 1_764_061_200
        for tick in 0..<148 {
            let monotonicMs = tick < 100 ? Int64(tick) * 20 : 2_000 + Int64(tick - 99) * 1_800_000
            let green = tick % 40 >= 20
            let inputs = Inputs(
                monotonicMs: monotonicMs, utcSeconds: startUTCSeconds + monotonicMs / 1_000,
                headRed: green ? .dark : .lit, headGreen: green ? .lit : .dark,
                floorRedSense: green ? .dark : .lit, floorGreenSense: green ? .lit : .dark,
                presence: Array(repeating: tick % 7 == 0, count: settings.presenceZones.count),
                motion: tick % 5 == 0, photocellDark: tick % 3 == 0, lux: .value(Double(tick % 50)),
                particulates: .sample(pm1: 10, pm2_5: Double(tick % 90), pm10: 120, atMs: monotonicMs), lampCurrent: tick % 2 == 0,
                clockSynchronised: true, localMinuteOfDay: Int(monotonicMs / 60_000 % 1_440),
                localDate: LocalDate(month: 11, day: 25 + tick / 48, weekday: 2 + tick / 48)
            )
            events.removeAll(keepingCapacity: true)
            _ = pole.step(inputs, events: &events)
            if tick == 50, running != nil { pole = pole.reconfigured(with: settings) }
        }
    }
}
