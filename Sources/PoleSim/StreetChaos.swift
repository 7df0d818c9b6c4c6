/// Seeded random street life with injected faults, for property tests and soaks.
///
/// Each signal cycle is normal red / green / flashing green with random lengths, and on top, drawn
/// from sub-seeds so each fault model is independent of the others: the head shorted (red and green
/// together) or dark for a while, chattering head inputs, a cycle that skips flashing green, floor
/// lamps stuck, out or crossed (repaired later, then cleared by a technician's command), and people
/// arriving at the kerbs and on the crossing. The same seed gives the same street.
public enum StreetChaos {
    /// A scenario of `durationMs` for `seed`, with presence in `zones`.
    public static func scenario(seed: UInt64, durationMs: Int64, zones: [String]) -> Scenario {
        var builder = Builder(durationMs: durationMs)
        let root = SeededRandom(seed: seed)
        var cycles = root.derived(1)
        var headFaults = root.derived(2)
        var floorFaults = root.derived(3)
        var atMs: Int64 = 0
        while atMs < durationMs {
            atMs = cycle(from: atMs, builder: &builder, random: &cycles, faults: &headFaults)
            if floorFaults.int(below: 6) == 0 {
                floorFault(at: atMs, builder: &builder, random: &floorFaults)
            }
        }
        for (index, zone) in zones.enumerated() {
            var random = root.derived(10 + UInt64(index))
            var arrivalMs = random.int64(in: 0...20_000)
            while arrivalMs < durationMs {
                let standMs = random.int64(in: 500...15_000)
                builder.add(arrivalMs, .presence(zone: zone, present: true))
                builder.add(arrivalMs + standMs, .presence(zone: zone, present: false))
                arrivalMs += standMs + random.int64(in: 1_000...40_000)
            }
        }
        return Scenario(startUTCSeconds: 1_764_061_200 + Int64(seed % 86_400), durationMs: durationMs, seed: seed, steps: builder.steps)
    }

    /// One signal cycle starting at `startMs`, maybe with a head fault; returns when the next starts.
    private static func cycle(
        from startMs: Int64, builder: inout Builder, random: inout SeededRandom, faults: inout SeededRandom
    ) -> Int64 {
        var atMs = startMs
        builder.add(atMs, .head(.red))
        atMs += random.int64(in: 8_000...40_000)
        builder.add(atMs, .head(.green))
        atMs += random.int64(in: 5_000...20_000)
        let skipsFlashing = faults.int(below: 10) == 0
        if !skipsFlashing {
            builder.add(atMs, .head(.flashingGreen(periodMs: random.int64(in: 800...1_200))))
            atMs += random.int64(in: 4_000...12_000)
        }
        switch faults.int(below: 8) {
        case 0:
            builder.add(atMs, .head(.redAndGreen))
            atMs += faults.int64(in: 100...3_000)
        case 1:
            builder.add(atMs, .head(.dark))
            atMs += faults.int64(in: 500...5_000)
        case 2:
            atMs = chatter(from: atMs, builder: &builder, random: &faults)
        default:
            break
        }
        return atMs
    }

    /// The head flickering between green and dark or red every few tens of ms, as a loose sense wire does.
    private static func chatter(from startMs: Int64, builder: inout Builder, random: inout SeededRandom) -> Int64 {
        var atMs = startMs
        let aspects: [HeadAspect] = [.green, .dark, .red, .redAndGreen]
        for _ in 0..<Int(random.int64(in: 4...30)) {
            builder.add(atMs, .head(aspects[random.int(below: aspects.count)]))
            atMs += random.int64(in: 10...120)
        }
        return atMs
    }

    /// A floor lamp fault starting at `startMs`, repaired later, then cleared by a technician.
    private static func floorFault(at startMs: Int64, builder: inout Builder, random: inout SeededRandom) {
        let faults: [FloorFault] = [.greenStuckOn, .redStuckOn, .greenOut, .redOut, .swapped]
        let fault = faults[random.int(below: faults.count)]
        let startAtMs = startMs - random.int64(in: 0...5_000)
        let repairedAtMs = startAtMs + random.int64(in: 1_000...20_000)
        builder.add(startAtMs, .floorFault(fault))
        builder.add(repairedAtMs, .floorFault(.none))
        builder.add(
            repairedAtMs + random.int64(in: 0...30_000),
            .command(.clearFaults(nil, by: "chaos", reason: "repaired \(fault.rawValue)"))
        )
    }

    /// Collects steps inside the scenario's duration.
    private struct Builder {
        let durationMs: Int64
        var steps: [Scenario.Step] = []

        mutating func add(_ atMs: Int64, _ action: StreetAction) {
            guard atMs >= 0, atMs <= durationMs else { return }
            steps.append(Scenario.Step(atMs: atMs, action: action, index: steps.count))
        }
    }
}
