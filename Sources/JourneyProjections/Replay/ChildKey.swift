import JourneyCore

/// A child's id as a value of fixed size: its UTF-8 bytes in three words (a child id is at most 20 bytes,
/// events.md) and its stable hash. What lets a replay find a child's history for each event without making the
/// id's string.
struct ChildKey: Hashable, Sendable {
    /// `ChildID.stableHash`.
    let hash: UInt64
    let word0: UInt64
    let word1: UInt64
    let word2: UInt64
    /// Last, so that a key takes 33 bytes and a slot of `ChildNumbers` 40 (48 with the count before the words):
    /// the table of half a million children is 40 MB rather than 48, made new for every checkpoint read.
    let count: UInt8

    static let capacity = 24

    init(_ bytes: UnsafeRawBufferPointer) throws(BinaryReader.Damage) {
        self = try ChildBytes(bytes).key
    }

    /// The key of the id whose UTF-8 bytes are the first `count` of `words` (the rest zero).
    init(count: UInt8, words: (UInt64, UInt64, UInt64)) {
        var words = words
        hash = withUnsafeBytes(of: &words) { StableHash.of(UnsafeRawBufferPointer(rebasing: $0[0..<Int(count)])) }
        self.count = count
        (word0, word1, word2) = words
    }

    /// The key of the id whose UTF-8 bytes are the first `count` of `words`, whose hash is `hash` (worked out
    /// already: `ChildBytes.hash`).
    init(hash: UInt64, count: UInt8, words: (UInt64, UInt64, UInt64)) {
        self.hash = hash
        self.count = count
        (word0, word1, word2) = words
    }

    /// The key of `child`. An id longer than the format allows (which no stored event has) gets a key that no
    /// stored event's child has either, so looking it up finds nothing.
    init(_ child: ChildID) {
        var text = child.rawValue
        if let key = text.withUTF8({ try? ChildKey(UnsafeRawBufferPointer($0)) }) {
            self = key
        } else {
            (hash, count, word0, word1, word2) = (child.stableHash, UInt8.max, 0, 0, 0)
        }
    }

    /// The id the key holds.
    var child: ChildID {
        Self.id(bytes: (word0, word1, word2), count: count)
    }

    /// Calls `body` with the UTF-8 bytes of the id the key holds.
    func withUTF8<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        var words = (word0, word1, word2)
        return try withUnsafeBytes(of: &words) {
            try body(UnsafeRawBufferPointer(rebasing: $0[0..<min(Int(count), Self.capacity)]))
        }
    }

    /// The id whose UTF-8 bytes are the first `count` of `words`.
    static func id(bytes words: (UInt64, UInt64, UInt64), count: UInt8) -> ChildID {
        var words = words
        return withUnsafeBytes(of: &words) {
            ChildID(
                String(decoding: UnsafeRawBufferPointer(rebasing: $0[0..<min(Int(count), capacity)]), as: UTF8.self))
        }
    }

    static func == (a: ChildKey, b: ChildKey) -> Bool {
        a.hash == b.hash && a.count == b.count && a.word0 == b.word0 && a.word1 == b.word1 && a.word2 == b.word2
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}

/// A child's id as a stored event gives it, copied but not yet hashed: a replay's reading thread copies it, and the
/// fold's thread, which has time to spare, hashes it (`key`) as it looks the child up.
struct ChildBytes: Sendable {
    let count: UInt8
    let words: (UInt64, UInt64, UInt64)

    init(_ bytes: UnsafeRawBufferPointer) throws(BinaryReader.Damage) {
        guard bytes.count <= ChildKey.capacity else { throw BinaryReader.Damage("a child id is too long") }
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
        self.words = words
        count = UInt8(bytes.count)
    }

    /// The id whose UTF-8 bytes are the first `count` of `words` (the rest zero).
    init(count: UInt8, words: (UInt64, UInt64, UInt64)) {
        self.count = count
        self.words = words
    }

    var key: ChildKey { ChildKey(count: count, words: words) }

    /// `key`'s hash, `ChildID.stableHash`.
    var hash: UInt64 { key.hash }

    /// The id, made without hashing it.
    var child: ChildID { ChildKey.id(bytes: words, count: count) }
}

/// Child key → the child's number (its place in `JourneyState`'s arrays): an open-addressing table with linear
/// probing and the key beside its number, so that a lookup touches one cache line and hashes nothing (the key
/// carries its hash). Probed once for every event replayed.
struct ChildNumbers: Sendable {
    private struct Slot: Sendable {
        var key: ChildKey
        /// The number + 1; 0 marks an empty slot.
        var numberPlusOne: UInt32
    }

    private static let empty = Slot(key: ChildKey(""), numberPlusOne: 0)
    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 0) {
        var capacity = 64
        while capacity / 2 < minimumCapacity { capacity *= 2 }
        slots = Array(repeating: Self.empty, count: capacity)
        mask = capacity - 1
    }

    /// The number of `key`, if it has one.
    subscript(key: ChildKey) -> Int? {
        let n = slots.withUnsafeBufferPointer { Self.number(of: key, in: $0, mask: mask) }
        return n < 0 ? nil : Int(n)
    }

    /// The number of each event's child, or -1 for a child without one.
    ///
    /// In two loops, the children's hashes first, then the lookups: a lookup is one load that misses the cache, and
    /// with the hash worked out beside it (a byte at a time, each step waiting for the one before) the processor
    /// reached only a few lookups ahead, and waited for most of them in turn (three fifths of the fold's own time on
    /// that one load). The lookups alone make a short loop, whose loads the processor has many of in flight at once.
    func numbers(of events: UnsafeBufferPointer<FoldedEvent>) -> [Int32] {
        let mask = self.mask
        let hashes = [UInt64](unsafeUninitializedCapacity: events.count) { hashes, initialized in
            for e in events.indices { hashes[e] = events[e].childBytes.hash }
            initialized = events.count
        }
        return slots.withUnsafeBufferPointer { s in
            hashes.withUnsafeBufferPointer { hashes in
                [Int32](unsafeUninitializedCapacity: events.count) { numbers, initialized in
                    for e in events.indices {
                        let child = events[e].childBytes
                        let key = ChildKey(hash: hashes[e], count: child.count, words: child.words)
                        numbers[e] = Self.number(of: key, in: s, mask: mask)
                    }
                    initialized = events.count
                }
            }
        }
    }

    /// The probe: `key`'s number, or -1.
    @inline(__always)
    private static func number(of key: ChildKey, in s: UnsafeBufferPointer<Slot>, mask: Int) -> Int32 {
        var i = Int(truncatingIfNeeded: key.hash) & mask
        while s[i].numberPlusOne != 0 && s[i].key != key { i = (i &+ 1) & mask }
        return Int32(bitPattern: s[i].numberPlusOne) &- 1
    }

    /// Makes the table this value's own, copying it if it is shared, so that the next insert does not.
    mutating func makeUnique() { slots.reserveCapacity(slots.count) }

    /// Gives `key` the number `number`; the key must not have one yet.
    mutating func insert(_ key: ChildKey, number: Int) {
        // At most half full: probes stay short.
        if (count + 1) * 2 > slots.count { grow() }
        let mask = self.mask
        slots.withUnsafeMutableBufferPointer { s in
            var i = Int(truncatingIfNeeded: key.hash) & mask
            while s[i].numberPlusOne != 0 { i = (i &+ 1) & mask }
            s[i] = Slot(key: key, numberPlusOne: UInt32(number + 1))
        }
        count += 1
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Self.empty, count: 2 * old.count)
        mask = slots.count - 1
        count = 0
        for slot in old where slot.numberPlusOne != 0 { insert(slot.key, number: Int(slot.numberPlusOne - 1)) }
    }

    /// Gives `keys` the numbers `first`, `first + 1`, … in order; none may have a number yet.
    ///
    /// The keys come with their hashes worked out (`ChildKey`'s), so this is one short loop of probes, of which
    /// the processor has many in flight at once: a checkpoint's half a million children, filed one at a time beside
    /// making each key, waited for each probe's cache miss in turn.
    mutating func insert(_ keys: ArraySlice<ChildKey>, numberingFrom first: Int) {
        while (count + keys.count) * 2 > slots.count { grow() }
        let mask = self.mask
        slots.withUnsafeMutableBufferPointer { s in
            for (k, key) in keys.enumerated() {
                var i = Int(truncatingIfNeeded: key.hash) & mask
                while s[i].numberPlusOne != 0 { i = (i &+ 1) & mask }
                s[i] = Slot(key: key, numberPlusOne: UInt32(first + k + 1))
            }
        }
        count += keys.count
    }
}
