/// Where each event id's record is: id hash → `RecordLocation`, for the writer.
///
/// An open-addressing table with linear probing rather than a `Dictionary`: the key is already a well-mixed
/// 64-bit hash (`Identifier.stableHash`), so hashing it again with SipHash, as `Dictionary` must, would be wasted,
/// and each key sits beside its value, so a lookup touches one cache line. It is the writer's largest structure
/// (16 bytes a slot, at most 3/4 full) and is probed twice for every event appended.
struct IDIndex {
    /// Key and value side by side: slot i is `slots[2i]` (the hash) and `slots[2i + 1]` (the location).
    /// A location is never 0 (segments count from 1), so 0 marks an empty slot.
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 0) {
        var capacity = 16
        while capacity * 3 / 4 < minimumCapacity { capacity *= 2 }
        slots = Array(repeating: 0, count: 2 * capacity)
        mask = capacity - 1
    }

    /// The location stored for `hash`.
    subscript(hash: UInt64) -> RecordLocation? {
        slots.withUnsafeBufferPointer { s -> RecordLocation? in
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let location = s[2 &* i &+ 1]
                if location == 0 { return nil }
                if s[2 &* i] == hash { return RecordLocation(rawValue: location) }
                i = (i &+ 1) & mask
            }
        }
    }

    /// Stores `location` for `hash` unless the hash is already present; returns whether it was stored.
    mutating func insert(_ hash: UInt64, at location: RecordLocation) -> Bool {
        let location = location.rawValue
        precondition(location != 0, "a location is never 0")
        if (count + 1) * 4 > (mask + 1) * 3 { grow() }
        let mask = self.mask
        let isNew = slots.withUnsafeMutableBufferPointer { s -> Bool in
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                if s[2 &* i &+ 1] == 0 {
                    s[2 &* i] = hash
                    s[2 &* i &+ 1] = location
                    return true
                }
                if s[2 &* i] == hash { return false }
                i = (i &+ 1) & mask
            }
        }
        if isNew { count += 1 }
        return isNew
    }

    /// Removes `hash`, moving back the entries after it that probing would no longer reach (backward-shift
    /// deletion, which needs no tombstones).
    mutating func remove(_ hash: UInt64) {
        let mask = self.mask
        let isRemoved = slots.withUnsafeMutableBufferPointer { s -> Bool in
            var hole = Int(truncatingIfNeeded: hash) & mask
            while s[2 &* hole &+ 1] != 0 && s[2 &* hole] != hash { hole = (hole &+ 1) & mask }
            guard s[2 &* hole &+ 1] != 0 else { return false }
            var j = hole
            while true {
                j = (j &+ 1) & mask
                guard s[2 &* j &+ 1] != 0 else { break }
                // The entry at j may fill the hole if its home slot is not between the hole and j.
                let home = Int(truncatingIfNeeded: s[2 &* j]) & mask
                if (j &- home) & mask >= (j &- hole) & mask {
                    s[2 &* hole] = s[2 &* j]
                    s[2 &* hole &+ 1] = s[2 &* j &+ 1]
                    hole = j
                }
            }
            s[2 &* hole] = 0
            s[2 &* hole &+ 1] = 0
            return true
        }
        if isRemoved { count -= 1 }
    }

    /// The table as it is in memory (slot i is elements 2i and 2i + 1), for saving it (`WriterIndexCache`).
    var slotWords: [UInt64] { slots }

    /// A table saved from `slotWords`; `nil` if the words cannot be one (not a power of two of slots, or over 3/4
    /// full).
    init?(slotWords: [UInt64]) {
        let capacity = slotWords.count / 2
        guard capacity >= 16, capacity & (capacity - 1) == 0, slotWords.count == 2 * capacity else { return nil }
        var count = 0
        for i in stride(from: 1, to: slotWords.count, by: 2) where slotWords[i] != 0 { count += 1 }
        guard count * 4 <= capacity * 3 else { return nil }
        slots = slotWords
        mask = capacity - 1
        self.count = count
    }

    mutating func reserveCapacity(_ minimumCapacity: Int) {
        guard minimumCapacity * 4 > (mask + 1) * 3 else { return }
        rebuild(capacity: IDIndex(minimumCapacity: minimumCapacity).mask + 1)
    }

    private mutating func grow() {
        rebuild(capacity: 2 * (mask + 1))
    }

    private mutating func rebuild(capacity: Int) {
        let old = slots
        slots = Array(repeating: 0, count: 2 * capacity)
        mask = capacity - 1
        count = 0
        old.withUnsafeBufferPointer { s in
            for i in stride(from: 0, to: s.count, by: 2) where s[i + 1] != 0 {
                _ = insert(s[i], at: RecordLocation(rawValue: s[i + 1]))
            }
        }
    }
}
