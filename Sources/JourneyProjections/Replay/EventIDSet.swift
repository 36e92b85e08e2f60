/// A set of event ids, by their hash (`Identifier.stableHash`, never 0): the events that corrections and
/// retractions drop. Asked about every atom when records are built, so it hashes nothing again (the ids are hashes
/// already, where `Set` would run SipHash on each) and probes one flat table, and only when a filter of bits lets
/// the id through.
struct EventIDSet: Sendable {
    /// Open addressing with linear probing, at most half full; 0 marks an empty slot.
    private var slots: [UInt64] = [0, 0]
    private(set) var count = 0
    /// One bit for each value of an id's low bits (16 bits for each slot, 32 to 64 for each id), set for each id in
    /// the set: nearly every atom's id finds its bit clear, and is not in the set, without a probe. A half-full
    /// table's probe ran on for one id in two, a branch the processor could not foresee: 40% of building a record.
    private var filter: [UInt64] = [0]

    var isEmpty: Bool { count == 0 }

    /// The ids in the set, in no particular order.
    var ids: [UInt64] { slots.filter { $0 != 0 } }

    func contains(_ id: UInt64) -> Bool {
        guard count > 0 else { return false }
        let (word, bit) = filterBit(id)
        guard filter[word] & bit != 0 else { return false }
        return slots.withUnsafeBufferPointer { s in
            let mask = s.count - 1
            var i = Self.slot(id, mask: mask)
            while s[i] != 0 {
                if s[i] == id { return true }
                i = (i &+ 1) & mask
            }
            return false
        }
    }

    mutating func insert(_ id: UInt64) {
        precondition(id != 0, "event id hashes are never 0")
        if (count + 1) * 2 > slots.count {
            let old = slots
            slots = [UInt64](repeating: 0, count: old.count * 2)
            filter = [UInt64](repeating: 0, count: max(1, slots.count / 4))
            count = 0
            for id in old where id != 0 { insert(id) }
        }
        let inserted = slots.withUnsafeMutableBufferPointer { s in
            let mask = s.count - 1
            var i = Self.slot(id, mask: mask)
            while s[i] != 0 {
                if s[i] == id { return false }
                i = (i &+ 1) & mask
            }
            s[i] = id
            return true
        }
        if inserted {
            count += 1
            let (word, bit) = filterBit(id)
            filter[word] |= bit
        }
    }

    /// Where `id`'s bit of the filter is, keyed by its low bits: the one place filling and asking agree on.
    @inline(__always)
    private func filterBit(_ id: UInt64) -> (word: Int, bit: UInt64) {
        let index = Int(truncatingIfNeeded: id) & (filter.count &* 64 &- 1)
        return (index &>> 6, 1 &<< UInt64(index & 63))
    }

    /// The high bits of the hash times an odd constant: an id hash is well mixed already, but the multiply
    /// keeps the table safe from any pattern in its low bits.
    private static func slot(_ id: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (id &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
