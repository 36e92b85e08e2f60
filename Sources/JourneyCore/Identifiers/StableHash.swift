extension Identifier {
    /// A 64-bit hash of the identifier that is the same in every process and on every machine (Swift's `Hasher`
    /// is seeded per process), so it can be saved in checkpoints. FNV-1a with a final mix.
    public var stableHash: UInt64 {
        var text = rawValue
        return text.withUTF8 { StableHash.of(UnsafeRawBufferPointer($0)) }
    }
}

/// The hash behind `Identifier.stableHash`, of an identifier's UTF-8 bytes: readers of stored events hash
/// identifiers in place with it, without making their strings.
public enum StableHash {
    @inlinable
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        // 0 stands for "none" in projections.
        return h == 0 ? 1 : h
    }
}
