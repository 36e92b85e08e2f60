/// Two bytes of each atom's id hash, in the atoms' order: what finds the atoms a correction or a retraction names
/// without reading every atom. An atom is 56 bytes, so the one pass over them that the ids alone need reads half a
/// gigabyte at 10M events (most of an update after a correction, `LiveRecords.changes`); the prints are 21 MB, read
/// against a table of the named ids' prints that sits in the first level of cache, and only the few atoms whose
/// print is among them are read to compare the whole id.
///
/// Exact, whatever the log holds: an atom whose id is named has a named print, so it is never passed over; two ids
/// with the same print (one chance in 65,536 for each atom and named id) cost one read of the atom, not a wrong
/// answer; an id held by atoms of two children finds both, as the pass over every atom did.
struct AtomIDSieve: Sendable {
    /// The prints of the first `count` atoms of the state.
    private var prints: [UInt16] = []

    /// The number of atoms whose prints are held.
    var count: Int { prints.count }

    /// An id's print: the top two bytes of its hash (`Identifier.stableHash` is well mixed in every bit).
    static func print(_ id: UInt64) -> UInt16 { UInt16(truncatingIfNeeded: id >> 48) }

    /// Adds the prints of `atoms[count..<end]`, the atoms folded in since the last call. The first call reads every
    /// atom, as one pass comparing their ids would, and writes the prints through a pointer rather than an append
    /// for each; room is made then for the appends to come, as `LiveRecords` makes room in the state.
    mutating func extend(to end: Int, from atoms: [Atom]) {
        let start = prints.count
        guard end > start else { return }
        let more = end - start
        let made = [UInt16](unsafeUninitializedCapacity: start == 0 ? end + max(1 << 16, end / 16) : more) {
            buffer, initialized in
            atoms.withUnsafeBufferPointer { atoms in
                for i in 0..<more { buffer[i] = Self.print(atoms[start + i].id) }
            }
            initialized = more
        }
        if start == 0 { prints = made } else { prints.append(contentsOf: made) }
    }

    /// The numbers of the children of the first `count` atoms whose ids are in `ids`: what a pass over those atoms
    /// comparing their ids finds, in one pass over their prints. Atoms past the prints held, if any, are compared
    /// whole.
    func children(ofAtomsWithIDs ids: EventIDSet, atoms: [Atom], atomChildren: [UInt32], before count: Int) -> Set<Int>
    {
        guard !ids.isEmpty else { return [] }
        // One bit for each print, 8 KB: set for the named ids' prints.
        var named = [UInt64](repeating: 0, count: 1 << 10)
        for id in ids.ids {
            let p = Int(Self.print(id))
            named[p >> 6] |= 1 << UInt64(p & 63)
        }
        let printed = min(count, prints.count)
        var children: Set<Int> = []
        prints.withUnsafeBufferPointer { prints in
            named.withUnsafeBufferPointer { named in
                atoms.withUnsafeBufferPointer { atoms in
                    for i in 0..<printed {
                        let p = Int(prints[i])
                        if named[p >> 6] & (1 << UInt64(p & 63)) != 0, ids.contains(atoms[i].id) {
                            children.insert(Int(atomChildren[i]))
                        }
                    }
                    for i in printed..<count where ids.contains(atoms[i].id) { children.insert(Int(atomChildren[i])) }
                }
            }
        }
        return children
    }
}
