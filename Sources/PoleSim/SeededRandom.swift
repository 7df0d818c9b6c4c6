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

    /// A generator for one fault model or street actor, independent of the others' draws.
    public func derived(_ stream: UInt64) -> SeededRandom {
        var copy = SeededRandom(seed: state ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = copy.next()
        return copy
    }
}
