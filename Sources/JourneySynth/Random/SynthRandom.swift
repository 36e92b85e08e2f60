/// The generator's source of randomness: xoshiro256** seeded through SplitMix64.
///
/// Our own generator, never `SystemRandomNumberGenerator`, so that the same seed gives the same council on every
/// machine and every Swift version. Each child gets its own stream (`SynthRandom(seed:stream:)`), so a child's
/// journey does not depend on how much randomness the children before it used.
struct SynthRandom: RandomNumberGenerator {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A stream for `seed`; `stream` tells apart independent streams of the same seed (one per child).
    init(seed: UInt64, stream: UInt64 = 0) {
        var sm = SplitMix64(state: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ 0x6A09_E667_F3BC_C909)
        s0 = sm.next()
        s1 = sm.next()
        s2 = sm.next()
        s3 = sm.next()
    }

    mutating func next() -> UInt64 {
        let result = Self.rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotate(s3, 45)
        return result
    }

    /// A uniform value in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// A uniform whole number in `range` (Lemire's method is not needed: ranges here are tiny next to 2^64, so
    /// the modulo bias is far below anything a metric could see).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// An exponentially distributed value with the given mean.
    mutating func exponential(mean: Double) -> Double {
        // 1 − unit() is in (0, 1], so the logarithm is finite.
        -mean * log(1 - unit())
    }

    private static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

/// SplitMix64: spreads a seed over the 256 bits of xoshiro's state (the seeding its authors recommend).
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The natural logarithm, in plain IEEE arithmetic.
///
/// Not the C library's `log`: its last bit differs between glibc and Darwin's libm, and one bit can move a date
/// by a day, so the same seed would give different bytes on different machines.
func log(_ x: Double) -> Double {
    precondition(x > 0 && x.isFinite, "log of a non-positive or infinite number")
    // x = m · 2^e with m in [√½, √2): log x = e·ln 2 + 2·atanh((m − 1)/(m + 1)), a series that converges fast there.
    var e = Double(x.exponent)
    var m = x.significand
    if m > 1.414_213_562_373_095 {
        m /= 2
        e += 1
    }
    let y = (m - 1) / (m + 1)
    let y2 = y * y
    var term = y
    var sum = 0.0
    var k = 1.0
    while abs(term) > 1e-18 {
        sum += term / k
        term *= y2
        k += 2
    }
    return e * 0.693_147_180_559_945_3 + 2 * sum
}
