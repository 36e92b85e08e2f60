import JourneyLog

/// The last part of a checkpoint: every atom's event id (its hash, `Identifier.stableHash`) with its child's number,
/// filed in buckets by the id's leading bits, so that a reader of a part (`CheckpointPart`) finds the children of
/// the events a correction or retraction names by reading a block or two for each, not the ids of every atom.
///
/// The layout: the buckets' starts (u32 each, one more than there are buckets, the last the atom count), then an
/// entry for each atom (its id, u64, then its child's number, u32), bucket by bucket, in atom order within a bucket.
/// Every atom with an id is found in that id's bucket, two events whose ids share a hash included, so the children
/// found are exactly those a pass over every atom finds.
enum AtomIDBuckets {
    static let entrySize = 12

    /// How many leading bits of an id choose its bucket: enough for about 32 to 64 atoms a bucket (a block of
    /// the file holds 341 entries), worked out from the atom count alone, so that the count read back gives the
    /// same layout.
    static func bits(atomCount: Int) -> Int {
        var bits = 0
        while bits < 32, atomCount >> bits > 64 { bits += 1 }
        return bits
    }

    static func bucket(of id: UInt64, bits: Int) -> Int {
        bits == 0 ? 0 : Int(truncatingIfNeeded: id >> UInt64(64 - bits))
    }

    /// The bytes of the part for `atomCount` atoms.
    static func size(atomCount: Int) -> Int {
        4 * ((1 << bits(atomCount: atomCount)) + 1) + entrySize * atomCount
    }

    /// Writes the part for `atoms` and their children's numbers through `write`, a megabyte or so at a time.
    ///
    /// The entries are filed a group of buckets at a time (of at most `groupEntries` entries, or one bucket), each
    /// group in one pass over the atoms, so that no copy of all of them is held: at 10M atoms the entries are 120 MB.
    static func write(
        _ atoms: [Atom], children: [UInt32], groupEntries: Int = 1 << 21,
        through write: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let bits = bits(atomCount: atoms.count)
        let bucketCount = 1 << bits
        var starts = [UInt32](repeating: 0, count: bucketCount + 1)
        for atom in atoms { starts[bucket(of: atom.id, bits: bits) + 1] += 1 }
        for b in 0..<bucketCount { starts[b + 1] += starts[b] }
        try starts.withUnsafeBytes { raw in
            let chunk = 1 << 20
            for from in stride(from: 0, to: raw.count, by: chunk) {
                try write(UnsafeRawBufferPointer(rebasing: raw[from..<min(raw.count, from + chunk)]))
            }
        }

        var first = 0
        var group = [UInt8](repeating: 0, count: entrySize * min(atoms.count, groupEntries))
        while first < bucketCount {
            var last = first + 1
            while last < bucketCount, Int(starts[last + 1] - starts[first]) <= groupEntries { last += 1 }
            let base = Int(starts[first])
            let count = Int(starts[last]) - base
            if group.count < entrySize * count { group = [UInt8](repeating: 0, count: entrySize * count) }
            var next = Array(starts[first..<last])
            group.withUnsafeMutableBytes { out in
                atoms.withUnsafeBufferPointer { atoms in
                    for i in atoms.indices {
                        let b = bucket(of: atoms[i].id, bits: bits)
                        guard b >= first, b < last else { continue }
                        let at = entrySize * (Int(next[b - first]) - base)
                        next[b - first] += 1
                        out.storeBytes(of: atoms[i].id.littleEndian, toByteOffset: at, as: UInt64.self)
                        out.storeBytes(of: children[i].littleEndian, toByteOffset: at + 8, as: UInt32.self)
                    }
                }
            }
            try group.withUnsafeBytes { raw in
                let chunk = entrySize << 16
                for from in stride(from: 0, to: entrySize * count, by: chunk) {
                    try write(UnsafeRawBufferPointer(rebasing: raw[from..<min(entrySize * count, from + chunk)]))
                }
            }
            first = last
        }
    }

    /// The numbers of the children of the atoms whose ids are in `ids`, read from the part at `offset` of `file`
    /// for `atomCount` atoms and `childCount` children: the bucket of each id alone, unless the ids are so many
    /// that reading every entry once is less; `nil` if a piece is not as written.
    static func children(
        ofAtomsWithIDs ids: EventIDSet, in file: CacheFile.BlockReader, at offset: Int, atomCount: Int,
        childCount: Int
    ) -> Set<Int>? {
        guard !ids.isEmpty, atomCount > 0 else { return [] }
        let bits = bits(atomCount: atomCount)
        let entriesAt = offset + 4 * ((1 << bits) + 1)
        var children: Set<Int> = []
        /// Adds the children of the entries `range` (indices of entries) whose ids are in `ids`; false if a piece is
        /// not as written.
        func scan(_ range: Range<Int>, _ isWanted: (UInt64) -> Bool) -> Bool {
            guard !range.isEmpty else { return true }
            let isGood = file.withBytes(at: entriesAt + entrySize * range.lowerBound, count: entrySize * range.count) {
                raw -> Bool in
                for e in 0..<range.count {
                    let id = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: entrySize * e, as: UInt64.self))
                    guard isWanted(id) else { continue }
                    let n = Int(
                        UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: entrySize * e + 8, as: UInt32.self)))
                    guard n < childCount else { return false }
                    children.insert(n)
                }
                return true
            }
            return isGood == true
        }
        // Each bucket costs a block or two; past a few thousand ids, one pass over every entry costs less.
        if ids.count > max(64, atomCount >> 12) {
            let chunk = 1 << 16
            for from in stride(from: 0, to: atomCount, by: chunk) {
                guard scan(from..<min(atomCount, from + chunk), ids.contains) else { return nil }
            }
            return children
        }
        /// The entries of bucket `b`: between its start and the next bucket's.
        func entries(ofBucket b: Int) -> Range<Int>? {
            let bounds = file.withBytes(at: offset + 4 * b, count: 8) { raw in
                (
                    Int(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self))),
                    Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
                )
            }
            guard let (start, end) = bounds, start <= end, end <= atomCount else { return nil }
            return start..<end
        }
        for id in ids.ids {
            guard let range = entries(ofBucket: bucket(of: id, bits: bits)), scan(range, { $0 == id }) else {
                return nil
            }
        }
        return children
    }
}
