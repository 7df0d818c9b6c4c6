import PoleCore

/// Seeded random street life with injected faults, for property tests and soaks.
///
/// Each signal cycle is normal red / green / flashing green with random lengths, and on top, drawn
/// from sub-seeds so each fault model is independent of the others: the head shorted (red and green
/// together) or dark for a while, chattering head inputs, a cycle that skips flashing green, floor
/// lamps stuck, out or crossed (repaired later, then cleared by a technician's command), and people
/// arriving at the kerbs and on the crossing; then the rest of the pole's life: security-lamp faults,
/// I²C faults on each sensor (NACK, timeout, CRC bursts, a sensor gone for minutes), the wall clock
/// jumping or reset to 1970, dusk and dawn on the photocell and light sensor, motion, dust coming
/// and going, and technicians putting the crosswalk into maintenance and testing outputs. The same
/// seed gives the same street.
public enum StreetChaos {
    /// A scenario of `durationMs` for `seed`, with presence in `zones` and faults on the I²C
    /// `devices` (`pm`, `lux`) the board has.
    public static func scenario(seed: UInt64, durationMs: Int64, zones: [String], devices: [String] = []) -> Scenario {
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
        let startUTC: Int64 = 1_764_061_200 + Int64(seed % 86_400)
        var pole = root.derived(4)
        lampAndLight(durationMs: durationMs, builder: &builder, random: &pole)
        var clock = root.derived(5)
        clockFaults(durationMs: durationMs, startUTC: startUTC, builder: &builder, random: &clock)
        for (index, device) in devices.enumerated() {
            var random = root.derived(20 + UInt64(index))
            sensorFaults(device: device, durationMs: durationMs, builder: &builder, random: &random)
        }
        var technicians = root.derived(6)
        maintenanceVisits(durationMs: durationMs, builder: &builder, random: &technicians)
        return Scenario(startUTCSeconds: startUTC, durationMs: durationMs, seed: seed, steps: builder.steps)
    }

    /// Dusk and dawn on the photocell and the light sensor, motion under the lamp, the lamp's own
    /// faults, and dust coming and going.
    private static func lampAndLight(durationMs: Int64, builder: inout Builder, random: inout SeededRandom) {
        var atMs: Int64 = 0
        while atMs < durationMs {
            let dark = random.int(below: 2) == 0
            builder.add(atMs, .photocell(dark))
            builder.add(atMs, .lux(dark ? Double(random.int64(in: 0...10)) : Double(random.int64(in: 80...2_000))))
            builder.add(atMs, .particulates(pm2_5: Double(random.int64(in: 2...120)), pm10: Double(random.int64(in: 5...250))))
            if random.int(below: 3) == 0 {
                let faults: [LampFault] = [.out, .stuckOn, .cycling]
                let faultAtMs = atMs + random.int64(in: 0...60_000)
                builder.add(faultAtMs, .lampFault(faults[random.int(below: faults.count)]))
                builder.add(faultAtMs + random.int64(in: 10_000...180_000), .lampFault(.none))
            }
            var motionMs = atMs + random.int64(in: 0...30_000)
            let endMs = atMs + random.int64(in: 120_000...900_000)
            while motionMs < endMs {
                builder.add(motionMs, .motion(true))
                builder.add(motionMs + random.int64(in: 500...5_000), .motion(false))
                motionMs += random.int64(in: 5_000...200_000)
            }
            atMs = endMs
        }
    }

    /// The wall clock jumping by hours, or reset to 1970 (a dead RTC battery), now and then.
    private static func clockFaults(durationMs: Int64, startUTC: Int64, builder: inout Builder, random: inout SeededRandom) {
        var atMs = random.int64(in: 600_000...3_600_000)
        while atMs < durationMs {
            if random.int(below: 4) == 0 {
                builder.add(atMs, .setUTC(seconds: 0))
            } else {
                builder.add(atMs, .setUTC(seconds: startUTC + atMs / 1_000 + random.int64(in: -43_200...43_200)))
            }
            builder.add(atMs + random.int64(in: 30_000...600_000), .setUTC(seconds: startUTC + atMs / 1_000))
            atMs += random.int64(in: 1_200_000...7_200_000)
        }
    }

    /// Bursts of NACKs, timeouts, corrupt frames and stopped fans on `device`, and now and then the
    /// device gone for minutes.
    private static func sensorFaults(device: String, durationMs: Int64, builder: inout Builder, random: inout SeededRandom) {
        var atMs = random.int64(in: 0...300_000)
        while atMs < durationMs {
            let faults: [I2CFault] = [.nack, .timeout, .crc, .fan, .absent]
            let fault = faults[random.int(below: faults.count)]
            let lasts = fault == .absent ? random.int64(in: 60_000...300_000) : random.int64(in: 200...10_000)
            builder.add(atMs, .i2cFault(device: device, fault: fault, durationMs: lasts))
            atMs += lasts + random.int64(in: 60_000...1_800_000)
        }
    }

    /// A technician's visit now and then: maintenance for a few minutes, output tests inside it
    /// (some of them refused by the head's state, which is the point), and maintenance ended by hand
    /// or by its own time.
    private static func maintenanceVisits(durationMs: Int64, builder: inout Builder, random: inout SeededRandom) {
        var atMs = random.int64(in: 300_000...2_400_000)
        let targets: [TestTarget] = [.floor(.green), .floor(.red), .beacon, .lamp, .air(.bad), .mist, .spotlight, .voice(.redWait)]
        while atMs < durationMs {
            let lastsMs = random.int64(in: 60_000...600_000)
            builder.add(atMs, .command(.maintenance(on: true, durationMs: lastsMs, by: "chaos", reason: "visit")))
            var testMs = atMs + random.int64(in: 1_000...20_000)
            while testMs < atMs + lastsMs {
                let target = targets[random.int(below: targets.count)]
                builder.add(testMs, .command(.test(target, durationMs: random.int64(in: 1_000...30_000), by: "chaos")))
                testMs += random.int64(in: 5_000...60_000)
            }
            if random.int(below: 2) == 0 {
                builder.add(atMs + random.int64(in: 30_000...lastsMs), .command(.maintenance(on: false, durationMs: 0, by: "chaos", reason: nil)))
            }
            atMs += lastsMs + random.int64(in: 600_000...5_400_000)
        }
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
