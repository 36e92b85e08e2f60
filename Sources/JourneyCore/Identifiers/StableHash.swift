extension Identifier {
    /// A 64-bit hash of the identifier that is the same in every process and on every machine (Swift's `Hasher`
    /// is seeded per process), so it can be saved in checkpoints. FNV-1a with a final mix.
    public var stableHash: UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var text = rawValue
        text.withUTF8 { bytes in
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        // 0 stands for "none" in projections.
        return h == 0 ? 1 : h
    }
}
