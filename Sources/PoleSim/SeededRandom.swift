/// SplitMix64: a small, fast, fully specified generator, so a seed gives the same street everywhere.
///
/// The system generator is not seedable and differs across platforms; a simulation that must
/// reproduce a failing hour from its seed cannot use it.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`, uniformly: modulo with rejection of the biased top, an algorithm
    /// fixed here (the standard library's `random(in:using:)` mapping is not specified across releases).
    public mutating func int64(in range: ClosedRange<Int64>) -> Int64 {
        let span = UInt64(bitPattern: range.upperBound &- range.lowerBound) &+ 1
        guard span != 0 else { return Int64(bitPattern: next()) }
        let limit = UInt64.max - UInt64.max % span
        var draw = next()
        while draw >= limit { draw = next() }
        return range.lowerBound &+ Int64(bitPattern: draw % span)
    }

    /// A whole number in `0..<count`.
    public mutating func int(below count: Int) -> Int {
        precondition(count > 0, "an empty range has no numbers")
        return Int(int64(in: 0...Int64(count - 1)))
    }

    /// A fair coin.
    public mutating func bool() -> Bool {
        next() >> 63 == 1
    }

    /// A number in `range`, from the top 53 bits of one draw.
    public mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + Double(next() >> 11) * 0x1p-53 * (range.upperBound - range.lowerBound)
    }

    /// A generator for one fault model or street actor, independent of the others' draws.
    public func derived(_ stream: UInt64) -> SeededRandom {
        var copy = SeededRandom(seed: state ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = copy.next()
        return copy
    }
}
