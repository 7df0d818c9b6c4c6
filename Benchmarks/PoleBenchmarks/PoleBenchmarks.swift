import Benchmark
import Foundation
import PoleConfig
import PoleCore
import PoleRuntime
import PoleSim

/// The simulated pole of `boards/sim.toml`: crosswalk, security lamp and air quality, every feature on.
private let simConfiguration: PoleConfiguration = {
    let board = String(#filePath.split(separator: "/").dropLast(3).joined(separator: "/"))
    do {
        return try ConfigLoader.load(ConfigSources(sitePath: nil, boardPath: "/" + board + "/boards/sim.toml", runtimeDirectory: "/tmp", userID: 0))
    } catch {
        fatalError("boards/sim.toml: \(error)")
    }
}()

/// A minute of a full pole's inputs at 20 ms: a signal cycle with flashing green, people at the kerbs
/// and on the crossing, motion under the lamp, a particulate sample each second, night.
private func minuteOfInputs(zones: Int) -> [Inputs] {
    (0..<3_000).map { tick in
        let ms = Int64(tick) * 20
        let phase = ms % 60_000
        let flashing = phase >= 40_000 && phase < 50_000
        let greenLit = (phase >= 25_000 && phase < 40_000) || (flashing && (phase / 500) % 2 == 0)
        let redLit = phase < 25_000 || phase >= 50_000
        var presence = Array(repeating: false, count: zones)
        if zones > 0 { presence[0] = phase >= 20_000 && phase < 27_000 }
        if zones > 2 { presence[2] = phase >= 27_000 && phase < 38_000 }
        return Inputs(
            monotonicMs: ms, utcSeconds: 1_764_075_600 + ms / 1_000, headRed: redLit ? .lit : .dark, headGreen: greenLit ? .lit : .dark,
            floorRedSense: nil, floorGreenSense: nil, presence: presence, motion: phase >= 30_000 && phase < 31_000,
            photocellDark: true, lux: .value(3), particulates: .sample(pm1: 20, pm2_5: 25, pm10: 40, atMs: ms - ms % 1_000),
            lampCurrent: nil, clockSynchronised: true, localMinuteOfDay: 22 * 60 + Int(ms / 60_000) % 60,
            localDate: LocalDate(month: 11, day: 25, weekday: 3)
        )
    }
}

/// This process's write counters from `/proc/self/io`: bytes handed to write calls (`wchar`) and
/// bytes sent to the block layer (`write_bytes`).
private func processWrites() -> (handed: Int, toDisk: Int) {
    guard let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else { return (0, 0) }
    var values: [String: Int] = [:]
    for line in text.split(separator: "\n") {
        let parts = line.split(separator: ":")
        if parts.count == 2 { values[String(parts[0])] = Int(parts[1].trimmingCharacters(in: .whitespaces)) }
    }
    return (values["wchar"] ?? 0, values["write_bytes"] ?? 0)
}

/// A simulated day through `SimulationRunner` with a store at the site's defaults (30 s batches,
/// faults at once) in a fresh directory on a real disk: what the store writes, measured as the
/// kernel counts this process's writes (nothing else writes meanwhile: no trace).
private func storeDay(_ benchmark: Benchmark, scenario: Scenario, configuration: PoleConfiguration = simConfiguration) throws {
    for _ in benchmark.scaledIterations {
        let directory = "/var/tmp/poled-store-bench-\(getpid())"
        _ = try? FileManager.default.removeItem(atPath: directory)
        let before = processWrites()
        let report = try SimulationRunner.run(configuration: configuration, scenario: scenario, trace: nil, storePath: directory + "/poled.sqlite")
        let after = processWrites()
        let size = (try? FileManager.default.attributesOfItem(atPath: directory + "/poled.sqlite")[.size] as? Int) ?? 0
        benchmark.measurement(.custom("store bytes handed to write()", useScalingFactor: false), after.handed - before.handed)
        benchmark.measurement(.custom("store bytes to disk (write_bytes)", useScalingFactor: false), after.toDisk - before.toDisk)
        benchmark.measurement(.custom("store transactions", useScalingFactor: false), report.storeWrites)
        benchmark.measurement(.custom("store file bytes after the day", useScalingFactor: false), size)
        _ = try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Discards a trace.
private struct NullSink: TraceSink {
    func write(_: [UInt8]) {}
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(3))

    // One tick of the whole core, in steady state: time and heap allocations per tick.
    Benchmark("Pole.step, full pole, per tick", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let settings = simConfiguration.poleSettings
        let minute = minuteOfInputs(zones: settings.presenceZones.count)
        var pole = Pole(settings: settings)
        var events: [Event] = []
        events.reserveCapacity(64)
        var base: Int64 = 0
        for inputs in minute + minute {
            var shifted = inputs
            shifted.monotonicMs += base
            events.removeAll(keepingCapacity: true)
            blackHole(pole.step(shifted, events: &events))
        }
        base = 120_000
        var index = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var inputs = minute[index]
            inputs.monotonicMs += base
            index += 1
            if index == minute.count {
                index = 0
                base += 60_000
            }
            events.removeAll(keepingCapacity: true)
            blackHole(pole.step(inputs, events: &events))
        }
        benchmark.stopMeasurement()
    }

    // A simulated hour of chaos through the loop, the street and the trace, as `poled simulate` runs it.
    Benchmark("Simulated hour of chaos (poled simulate)", configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxIterations: 5)) { benchmark in
        let scenario = StreetChaos.scenario(
            seed: 7, durationMs: 3_600_000, zones: simConfiguration.board.presenceZones, devices: simConfiguration.board.i2c.map(\.role)
        )
        for _ in benchmark.scaledIterations {
            blackHole(try SimulationRunner.run(configuration: simConfiguration, scenario: scenario, trace: NullSink()))
        }
    }

    // The write budget (issue 9): bytes the store writes in a simulated day at default settings.
    let storeMetrics: [BenchmarkMetric] = [
        .wallClock, .custom("store bytes handed to write()", useScalingFactor: false), .custom("store bytes to disk (write_bytes)", useScalingFactor: false),
        .custom("store transactions", useScalingFactor: false), .custom("store file bytes after the day", useScalingFactor: false),
    ]
    Benchmark("Store writes, a simulated demo day", configuration: .init(metrics: storeMetrics, maxIterations: 1)) { benchmark in
        let zones = simConfiguration.board.presenceZones
        try storeDay(benchmark, scenario: DemoDay.scenario(seed: 1, startUTCSeconds: 1_795_564_800, durationMs: 86_400_000, zones: zones))
    }
    Benchmark("Store writes, a simulated demo day, air_flush_interval 30s", configuration: .init(metrics: storeMetrics, maxIterations: 1)) { benchmark in
        var configuration = simConfiguration
        configuration.site.store.airFlushIntervalMs = 30_000
        let zones = simConfiguration.board.presenceZones
        try storeDay(
            benchmark, scenario: DemoDay.scenario(seed: 1, startUTCSeconds: 1_795_564_800, durationMs: 86_400_000, zones: zones),
            configuration: configuration
        )
    }
    Benchmark("Store writes, a simulated day of chaos", configuration: .init(metrics: storeMetrics, maxIterations: 1)) { benchmark in
        let scenario = StreetChaos.scenario(
            seed: 7, durationMs: 86_400_000, zones: simConfiguration.board.presenceZones, devices: simConfiguration.board.i2c.map(\.role)
        )
        try storeDay(benchmark, scenario: scenario)
    }

    // Writing trace lines for a tick with output changes and events.
    Benchmark("Trace writing, a tick with changes", configuration: .init(scalingFactor: .kilo)) { benchmark in
        var writer = TraceWriter()
        let events: [Event] = [.head(.green), .faultRaised(.conflict)]
        var outputs = Outputs.safe
        var ms: Int64 = 0
        for _ in benchmark.scaledIterations {
            ms += 20
            outputs.floor = outputs.floor == .green ? .red : .green
            writer.record(timeMs: ms, events: events, outputs: outputs)
            if writer.pending.count > 60_000 { blackHole(writer.takePending()) }
        }
    }
}
