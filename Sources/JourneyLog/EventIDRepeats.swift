import Dispatch

/// Finds the records whose event ids hash alike, for `verify`: two events with the same id, or (rarely) two ids with
/// the same hash, which `verify` then tells apart by reading both.
///
/// Each id's hash is kept with where its record is, in one of 256 partitions by the hash's top byte, as the log is
/// read: appends at the end of arrays, where a table of every id of a 10M-event log (a quarter of a gigabyte, filed
/// by hash) missed the cache at every event and was half of `verify`'s time, growing it the rest. Then each
/// partition, a few tens of thousands of ids, is searched in a table that fits the cache, on all cores.
struct EventIDRepeats {
    private var partitions = [[(hash: UInt64, location: RecordLocation)]](repeating: [], count: 256)

    /// Room for about `count` ids in all.
    init(expecting count: Int = 0) {
        for i in partitions.indices { partitions[i].reserveCapacity(count / 256 + count / 1024 + 16) }
    }

    /// An event read, in log order.
    mutating func add(hash: UInt64, at location: RecordLocation) {
        partitions[Int(hash >> 56)].append((hash, location))
    }

    /// Each record whose id hashes as an earlier one's, with the latest record before it of that hash, in log order
    /// of the later record.
    var pairs: [(earlier: RecordLocation, later: RecordLocation)] {
        var found = [[(earlier: RecordLocation, later: RecordLocation)]](repeating: [], count: partitions.count)
        found.withUnsafeMutableBufferPointer { buffer in
            // Each partition writes its own element only, and the buffer outlives `concurrentPerform`.
            nonisolated(unsafe) let found = buffer
            DispatchQueue.concurrentPerform(iterations: partitions.count) { p in
                found[p] = Self.pairs(in: partitions[p])
            }
        }
        // A location's bits order as the log does: segment, then offset.
        return found.joined().sorted { $0.later.rawValue < $1.later.rawValue }
    }

    /// The repeats among `entries`, in the order given: a table of at most half full slots, each the index of the
    /// latest entry of its hash, probed in turn.
    private static func pairs(in entries: [(hash: UInt64, location: RecordLocation)]) -> [(
        earlier: RecordLocation, later: RecordLocation
    )] {
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        let mask = capacity - 1
        var slots = [Int32](repeating: -1, count: capacity)
        var pairs: [(earlier: RecordLocation, later: RecordLocation)] = []
        for (i, entry) in entries.enumerated() {
            // The low bits: the top byte is the partition's, the same for every entry here.
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] >= 0 && entries[Int(slots[slot])].hash != entry.hash { slot = (slot + 1) & mask }
            if slots[slot] >= 0 { pairs.append((entries[Int(slots[slot])].location, entry.location)) }
            slots[slot] = Int32(i)
        }
        return pairs
    }
}
