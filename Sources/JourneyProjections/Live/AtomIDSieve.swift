/// The atoms grouped by two bytes of their id hash (their print): what finds the atoms a correction or a retraction
/// names without reading every atom. An atom is 56 bytes, so a pass over them comparing ids reads half a gigabyte at
/// 10M events; a pass over their prints alone still reads 21 MB and tests each print (5-6 ms at 10M events, one
/// update's worth of other work). Grouped by print, only the atoms with a named id's print are read: about 150 for
/// each id named, at 10M events, wherever they lie.
///
/// The atoms folded in since the groups were made are held as prints in the atoms' order (`recent`), tested one by
/// one, and taken into the groups once they are many (`groupingAfter`): so an update after a few new events costs a
/// short pass, and taking them in (a counting sort that copies every grouped atom's number) falls on few updates.
///
/// Exact, whatever the log holds: an atom whose id is named has a named print, so it is never passed over; two ids
/// with the same print cost one read of the atom, not a wrong answer; an id held by atoms of two children finds both,
/// as the pass over every atom did.
struct AtomIDSieve: Sendable {
    /// Where each print's atoms begin in `grouped`, for each of the 65,536 prints and one past the last; empty while
    /// no atom is grouped.
    private var groupStarts: [UInt32] = []
    /// The numbers of the first `groupedCount` atoms, by print and then in order.
    private var grouped: [UInt32] = []
    /// The prints of the atoms after those, in order.
    private var recent: [UInt16] = []
    /// How many recent prints are taken into the groups at once, at least.
    private let groupingAfter: Int

    /// `groupingAfter`: the recent prints are grouped once there are this many, or an eighth as many as are grouped
    /// if that is more (tests ask for a few).
    init(groupingAfter: Int = 1 << 16) { self.groupingAfter = groupingAfter }

    private var groupedCount: Int { grouped.count }

    /// The number of atoms whose prints are held.
    var count: Int { groupedCount + recent.count }

    /// An id's print: the top two bytes of its hash (`Identifier.stableHash` is well mixed in every bit).
    static func print(_ id: UInt64) -> UInt16 { UInt16(truncatingIfNeeded: id >> 48) }

    /// Adds the prints of `atoms[count..<end]`, the atoms folded in since the last call, and groups the recent prints
    /// when they are many. The first call reads every atom, as one pass comparing their ids would.
    mutating func extend(to end: Int, from atoms: [Atom]) {
        let start = count
        guard end > start else { return }
        // Appended as a whole, so that the array grows by doubling: room reserved for exactly the atoms of each call
        // would copy every recent print again at each update.
        recent.append(contentsOf: atoms[start..<end].lazy.map { Self.print($0.id) })
        if recent.count >= max(groupingAfter, groupedCount / 8) { groupRecent() }
    }

    /// Takes the recent prints into the groups: each print's grouped atoms, then its recent ones, which come after
    /// them in the atoms' order. A counting sort of the recent prints, with the groups copied across around them.
    private mutating func groupRecent() {
        var counts = [UInt32](repeating: 0, count: 1 << 16)
        for p in recent { counts[Int(p)] += 1 }
        var starts = [UInt32](repeating: 0, count: (1 << 16) + 1)
        var total: UInt32 = 0
        for p in 0..<(1 << 16) {
            starts[p] = total
            let held = groupStarts.isEmpty ? 0 : groupStarts[p + 1] - groupStarts[p]
            total += held + counts[p]
        }
        starts[1 << 16] = total
        let first = groupedCount
        let made = [UInt32](unsafeUninitializedCapacity: Int(total)) { buffer, initialized in
            // Where the next recent atom of each print goes: after the print's grouped atoms, copied first.
            var next = starts
            if !groupStarts.isEmpty {
                grouped.withUnsafeBufferPointer { grouped in
                    for p in 0..<(1 << 16) {
                        let (from, to) = (Int(groupStarts[p]), Int(groupStarts[p + 1]))
                        guard to > from else { continue }
                        (buffer.baseAddress! + Int(next[p])).initialize(
                            from: grouped.baseAddress! + from, count: to - from)
                        next[p] += UInt32(to - from)
                    }
                }
            }
            for (i, p) in recent.enumerated() {
                buffer[Int(next[Int(p)])] = UInt32(first + i)
                next[Int(p)] += 1
            }
            initialized = Int(total)
        }
        grouped = made
        groupStarts = starts
        recent = []
    }

    /// The numbers of the children of the first `count` atoms whose ids are in `ids`: what a pass over those atoms
    /// comparing their ids finds. Atoms past the prints held, if any, are compared whole.
    func children(ofAtomsWithIDs ids: EventIDSet, atoms: [Atom], atomChildren: [UInt32], before count: Int) -> Set<Int>
    {
        guard !ids.isEmpty else { return [] }
        var children: Set<Int> = []
        // One bit for each print, 8 KB: set for the named ids' prints.
        var named = [UInt64](repeating: 0, count: 1 << 10)
        var prints: [Int] = []
        for id in ids.ids {
            let p = Int(Self.print(id))
            if named[p >> 6] & (1 << UInt64(p & 63)) == 0 { prints.append(p) }
            named[p >> 6] |= 1 << UInt64(p & 63)
        }
        atoms.withUnsafeBufferPointer { atoms in
            // The grouped atoms of each named print, in order: those before `count` only.
            if !groupStarts.isEmpty {
                for p in prints {
                    for i in grouped[Int(groupStarts[p])..<Int(groupStarts[p + 1])] {
                        guard Int(i) < count else { break }
                        if ids.contains(atoms[Int(i)].id) { children.insert(Int(atomChildren[Int(i)])) }
                    }
                }
            }
            // The recent ones, print by print.
            let printedEnd = min(count, self.count)
            if printedEnd > groupedCount {
                recent.withUnsafeBufferPointer { recent in
                    for i in groupedCount..<printedEnd {
                        let p = Int(recent[i - groupedCount])
                        if named[p >> 6] & (1 << UInt64(p & 63)) != 0, ids.contains(atoms[i].id) {
                            children.insert(Int(atomChildren[i]))
                        }
                    }
                }
            }
            for i in printedEnd..<max(count, printedEnd) where ids.contains(atoms[i].id) {
                children.insert(Int(atomChildren[i]))
            }
        }
        return children
    }
}
