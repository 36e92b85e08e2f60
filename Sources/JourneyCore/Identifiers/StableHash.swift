extension Identifier {
    /// A 64-bit hash of the identifier that is the same in every process and on every machine (Swift's `Hasher`
    /// is seeded per process), so it can be saved in checkpoints: `StableHash.of` its UTF-8 bytes.
    public var stableHash: UInt64 {
        var text = rawValue
        return text.withUTF8 { StableHash.of(UnsafeRawBufferPointer($0)) }
    }
}

/// A 64-bit hash that is the same in every process and on every machine, unlike Swift's `Hasher` (seeded per
/// process): FNV-1a over the values combined, then a final mix (MurmurHash3's, halved) so that the high bits depend
/// on every byte. Its values are saved in checkpoints and in the ids importers write, so they must never change.
public struct StableHash: Sendable {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    @inlinable public init() {}

    /// Combines one value: a byte, or a whole word (a field of a recorded event) in one step.
    @inlinable public mutating func combine(_ value: UInt64) {
        state = (state ^ value) &* 0x0000_0100_0000_01b3
    }

    /// Combines bytes one by one (a text's UTF-8 bytes, or bytes read in place).
    @inlinable public mutating func combine(bytes: some Sequence<UInt8>) {
        for b in bytes { combine(UInt64(b)) }
    }

    /// The hash of what was combined.
    @inlinable public var value: UInt64 {
        var h = state
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }

    /// The hash behind `Identifier.stableHash`, of an identifier's UTF-8 bytes, never 0: readers of stored events
    /// hash identifiers in place with it, without making their strings.
    @inlinable
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = StableHash()
        hash.combine(bytes: bytes)
        let h = hash.value
        // 0 stands for "none" in projections.
        return h == 0 ? 1 : h
    }
}
