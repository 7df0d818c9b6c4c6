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
            if Int.random(in: 0..<6, using: &floorFaults) == 0 {
                floorFault(at: atMs, builder: &builder, random: &floorFaults)
            }
        }
        for (index, zone) in zones.enumerated() {
            var random = root.derived(10 + UInt64(index))
            var arrivalMs = Int64.random(in: 0...20_000, using: &random)
            while arrivalMs < durationMs {
                let standMs = Int64.random(in: 500...15_000, using: &random)
                builder.add(arrivalMs, .presence(zone: zone, present: true))
                builder.add(arrivalMs + standMs, .presence(zone: zone, present: false))
                arrivalMs += standMs + Int64.random(in: 1_000...40_000, using: &random)
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
        atMs += Int64.random(in: 8_000...40_000, using: &random)
        builder.add(atMs, .head(.green))
        atMs += Int64.random(in: 5_000...20_000, using: &random)
        let skipsFlashing = Int.random(in: 0..<10, using: &faults) == 0
        if !skipsFlashing {
            builder.add(atMs, .head(.flashingGreen(periodMs: Int64.random(in: 800...1_200, using: &random))))
            atMs += Int64.random(in: 4_000...12_000, using: &random)
        }
        switch Int.random(in: 0..<8, using: &faults) {
        case 0:
            builder.add(atMs, .head(.redAndGreen))
            atMs += Int64.random(in: 100...3_000, using: &faults)
        case 1:
            builder.add(atMs, .head(.dark))
            atMs += Int64.random(in: 500...5_000, using: &faults)
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
        for _ in 0..<Int.random(in: 4...30, using: &random) {
            builder.add(atMs, .head(aspects[Int.random(in: 0..<aspects.count, using: &random)]))
            atMs += Int64.random(in: 10...120, using: &random)
        }
        return atMs
    }

    /// A floor lamp fault starting at `startMs`, repaired later, then cleared by a technician.
    private static func floorFault(at startMs: Int64, builder: inout Builder, random: inout SeededRandom) {
        let faults: [FloorFault] = [.greenStuckOn, .redStuckOn, .greenOut, .redOut, .swapped]
        let fault = faults[Int.random(in: 0..<faults.count, using: &random)]
        let startAtMs = startMs - Int64.random(in: 0...5_000, using: &random)
        let repairedAtMs = startAtMs + Int64.random(in: 1_000...20_000, using: &random)
        builder.add(startAtMs, .floorFault(fault))
        builder.add(repairedAtMs, .floorFault(.none))
        builder.add(
            repairedAtMs + Int64.random(in: 0...30_000, using: &random),
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
