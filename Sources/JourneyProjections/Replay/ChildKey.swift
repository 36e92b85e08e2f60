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
    /// Last, so that a key takes 33 bytes, 40 in an array (48 with the count before the words): the keys of half a
    /// million children are 19 MB rather than 23, read again from every checkpoint.
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

/// Child key → the child's number (its place in `JourneyState`'s arrays), and number → key (`keys`): an
/// open-addressing table with linear probing whose slots are 8 bytes, the top half of the key's hash (which carries
/// its hash) beside its number, so that the table of half a million children is 8 MB. A lookup reads a slot, then
/// the key its number names to confirm it. Probed once for every event replayed.
///
/// With the whole key in each slot (40 bytes), a checkpoint read in part, after a day's append, filled a table of
/// 40 MB, each of its pages new to the process: a fifth of the memory such a run touches.
struct ChildNumbers: Sendable {
    /// Each child's key, by number.
    private(set) var keys: [ChildKey] = []
    /// The top 32 bits of the key's hash, then the number + 1; 0 marks an empty slot.
    private var slots: [UInt64]
    private var mask: Int

    init() {
        slots = Array(repeating: 0, count: 64)
        mask = 63
    }

    /// The table of `keys`, numbered 0, 1, 2… in order; none may appear twice. The array is taken as it is, with
    /// its room for more.
    init(keys: consuming [ChildKey]) {
        var capacity = 64
        while capacity / 2 < keys.count { capacity *= 2 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        self.keys = keys
        file(0..<self.keys.count)
    }

    var count: Int { keys.count }

    /// The number of `key`, if it has one.
    subscript(key: ChildKey) -> Int? {
        let n = slots.withUnsafeBufferPointer { s in
            keys.withUnsafeBufferPointer { Self.number(of: key, in: s, keys: $0, mask: mask) }
        }
        return n < 0 ? nil : Int(n)
    }

    /// The number of each event's child, or -1 for a child without one.
    ///
    /// In two loops, the children's hashes first, then the lookups: a lookup is a load that misses the cache, and
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
            keys.withUnsafeBufferPointer { keys in
                hashes.withUnsafeBufferPointer { hashes in
                    [Int32](unsafeUninitializedCapacity: events.count) { numbers, initialized in
                        for e in events.indices {
                            let child = events[e].childBytes
                            let key = ChildKey(hash: hashes[e], count: child.count, words: child.words)
                            numbers[e] = Self.number(of: key, in: s, keys: keys, mask: mask)
                        }
                        initialized = events.count
                    }
                }
            }
        }
    }

    /// The slot's half of `hash`, in the top half of the slot.
    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 }

    /// The probe: `key`'s number, or -1. A slot whose half of the hash matches is the key's only if the key its
    /// number names is `key`.
    @inline(__always)
    private static func number(
        of key: ChildKey, in s: UnsafeBufferPointer<UInt64>, keys: UnsafeBufferPointer<ChildKey>, mask: Int
    ) -> Int32 {
        let tag = Self.tag(key.hash)
        var i = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let slot = s[i]
            let numberPlusOne = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF)
            if numberPlusOne == 0 { return -1 }
            if Self.tag(slot) == tag && keys[numberPlusOne - 1] == key {
                return Int32(truncatingIfNeeded: numberPlusOne - 1)
            }
            i = (i &+ 1) & mask
        }
    }

    /// Makes the tables this value's own, copying them if they are shared, so that the next child added does not;
    /// with room for a thousand more keys.
    mutating func makeUnique() {
        slots.reserveCapacity(slots.count)
        keys.reserveCapacity(keys.count + 1024)
    }

    /// Gives `key`, which must not have one yet, the next number, and returns it.
    @discardableResult
    mutating func append(_ key: ChildKey) -> Int {
        keys.append(key)
        // At most half full: probes stay short.
        if keys.count * 2 > slots.count {
            grow()
        } else {
            file(keys.count - 1..<keys.count)
        }
        return keys.count - 1
    }

    /// Files the keys numbered `numbers` in the table, which has room for them.
    ///
    /// The keys come with their hashes worked out (`ChildKey`'s), so this is one short loop of probes, of which
    /// the processor has many in flight at once: a checkpoint's half a million children, filed one at a time beside
    /// making each key, waited for each probe's cache miss in turn.
    private mutating func file(_ numbers: Range<Int>) {
        let mask = self.mask
        keys.withUnsafeBufferPointer { keys in
            slots.withUnsafeMutableBufferPointer { s in
                for n in numbers {
                    let hash = keys[n].hash
                    var i = Int(truncatingIfNeeded: hash) & mask
                    while s[i] != 0 { i = (i &+ 1) & mask }
                    s[i] = Self.tag(hash) | UInt64(n + 1)
                }
            }
        }
    }

    /// Twice the slots, every key filed again.
    private mutating func grow() {
        slots = Array(repeating: 0, count: 2 * slots.count)
        mask = slots.count - 1
        file(0..<keys.count)
    }
}
