/// The built-in demo for `poled run` on the simulated board: a day of street life from a seed.
///
/// The head cycles red 40 s, green 15 s, flashing green 10 s; pedestrians arrive at each kerb at
/// random (more by day than at night, in Korean local time) and stand 3–10 s; the lamp's motion sensor,
/// which covers the first zone, sees some of them;
/// daylight follows the clock; dust drifts. Same seed, same day.
public enum DemoDay {
    /// One signal cycle's phases: red, green, flashing green.
    static let redMs: Int64 = 40_000
    static let greenMs: Int64 = 15_000
    static let flashingMs: Int64 = 10_000

    /// A scenario of `durationMs` starting at `startUTCSeconds`, for the zones the board has; only
    /// the steps within `window` (ms from the start) when one is given. A window holds exactly the
    /// steps the whole scenario has there, so a long run can be generated a part at a time.
    public static func scenario(
        seed: UInt64, startUTCSeconds: Int64, durationMs: Int64, zones: [String], within window: Range<Int64>? = nil
    ) -> Scenario {
        var steps: [Scenario.Step] = []
        var generated = 0
        func add(_ atMs: Int64, _ action: StreetAction) {
            guard atMs <= durationMs else { return }
            defer { generated += 1 }
            guard window?.contains(atMs) ?? true else { return }
            steps.append(Scenario.Step(atMs: atMs, action: action, index: generated))
        }
        let cycleMs = redMs + greenMs + flashingMs
        var cycleStart: Int64 = 0
        while cycleStart < durationMs {
            add(cycleStart, .head(.red))
            add(cycleStart + redMs, .head(.green))
            add(cycleStart + redMs + greenMs, .head(.flashingGreen(periodMs: 1_000)))
            cycleStart += cycleMs
        }
        let root = SeededRandom(seed: seed)
        for (index, zone) in zones.enumerated() {
            var random = root.derived(UInt64(index) + 1)
            var atMs: Int64 = 0
            while atMs < durationMs {
                let hour = ((startUTCSeconds + atMs / 1_000) / 3_600 + 9) % 24
                let meanGapMs: Int64 = (7...22).contains(hour) ? 30_000 : 180_000
                atMs += random.int64(in: meanGapMs / 4...meanGapMs * 2)
                let standMs = random.int64(in: 3_000...10_000)
                add(atMs, .presence(zone: zone, present: true))
                add(atMs + standMs, .presence(zone: zone, present: false))
                if index == 0, random.bool() {
                    add(atMs, .motion(true))
                    add(atMs + standMs, .motion(false))
                }
                // The next arrival is timed from this one's departure: presence is one flag per zone, so an
                // overlapping arrival would be cut short by the earlier pedestrian's departure.
                atMs += standMs
            }
        }
        var air = root.derived(100)
        var hourMs: Int64 = 0
        var fine = 15.0
        while hourMs < durationMs {
            let hour = ((startUTCSeconds + hourMs / 1_000) / 3_600 + 9) % 24
            let daylight = (7...17).contains(hour)
            add(hourMs, .lux(daylight ? 20_000 : 2))
            add(hourMs, .photocell(!daylight))
            fine = min(150, max(3, fine + air.double(in: -6...6)))
            add(hourMs, .particulates(pm2_5: fine.rounded(), pm10: (fine * 1.8).rounded()))
            hourMs += 3_600_000
        }
        return Scenario(startUTCSeconds: startUTCSeconds, durationMs: durationMs, seed: seed, steps: steps)
    }
}
