/// The audit sample's random numbers: SplitMix64, a small generator whose every output is fixed by its seed, on any
/// machine and any version of Swift (Swift's default generator is seeded by the system and differs run to run).
///
/// The algorithm is Steele, Lea and Flood's ("Fast splittable pseudorandom number generators", OOPSLA 2014), as
/// Vigna's reference C has it (prng.di.unimi.it/splitmix64.c) and Java's `SplittableRandom` uses it: add the golden
/// gamma 0x9E3779B97F4A7C15 to the state, then mix the state with two multiply-xorshift rounds. All arithmetic wraps
/// modulo 2^64.
public struct SplitMix64: Sendable, Hashable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64-bit output.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0..<bound`, each equally likely: outputs below 2^64 mod `bound` are drawn again, so that
    /// those kept are a whole number of runs of `bound` and `% bound` favours none (rejection sampling).
    public mutating func next(below bound: UInt64) -> UInt64 {
        // Cannot fail from the sample: it asks for a case among those not yet drawn (`cases.count - i` with
        // `i < count <= cases.count`), never fewer than one. Any other caller passing 0 has a bug, not bad input.
        precondition(bound > 0, "a bound of 0 has no numbers below it")
        let threshold = (0 &- bound) % bound
        while true {
            let x = next()
            if x >= threshold { return x % bound }
        }
    }
}
