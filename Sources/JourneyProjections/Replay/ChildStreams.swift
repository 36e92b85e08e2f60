import Dispatch

/// The atoms of each child's own stream, grouped: a counting sort of `JourneyState.atomChildren`, made when figures
/// are evaluated. Child n's atoms are `order[starts[n]..<starts[n + 1]]`, indices into `JourneyState.atoms`, in
/// log order, then any atoms appended since (`append`).
struct ChildStreams: Sendable {
    private var starts: [Int]
    private var order: [UInt32]
    /// Atoms folded in after the streams were grouped, by child number: a few children's worth, where grouping
    /// again would move every atom (`LiveRecords`, which groups them again once they are many).
    private var appended: [Int: [UInt32]] = [:]
    /// The number of atoms the streams hold.
    private(set) var atomCount: Int
    /// The number of them in `appended`.
    private(set) var appendedCount = 0

    init(atomChildren: [UInt32], childCount: Int) {
        var starts = [Int](repeating: 0, count: childCount + 1)
        atomChildren.withUnsafeBufferPointer { children in
            starts.withUnsafeMutableBufferPointer { starts in
                for n in children { starts[Int(n) + 1] += 1 }
            }
        }
        for n in 0..<childCount { starts[n + 1] += starts[n] }
        // The scatter, the costly half (a write to a far place for each atom), on every core: each takes a run of
        // children and writes theirs alone, reading every atom's child to find them.
        let runs = childCount < 1 << 14 ? 1 : 4
        let order = [UInt32](unsafeUninitializedCapacity: atomChildren.count) { buffer, initialized in
            nonisolated(unsafe) let order = buffer
            atomChildren.withUnsafeBufferPointer { children in
                nonisolated(unsafe) let children = children
                starts.withUnsafeBufferPointer { starts in
                    nonisolated(unsafe) let starts = starts
                    DispatchQueue.concurrentPerform(iterations: runs) { run in
                        let first = UInt32(childCount * run / runs)
                        let count = UInt32(childCount * (run + 1) / runs) - first
                        var next = Array(starts[Int(first)..<Int(first + count)])
                        next.withUnsafeMutableBufferPointer { next in
                            for i in children.indices {
                                // Children outside the run wrap round to large numbers and fail the test.
                                let k = children[i] &- first
                                if k < count {
                                    order[next[Int(k)]] = UInt32(truncatingIfNeeded: i)
                                    next[Int(k)] += 1
                                }
                            }
                        }
                    }
                }
            }
            initialized = atomChildren.count
        }
        self.starts = starts
        self.order = order
        self.atomCount = atomChildren.count
    }

    /// The streams of `children` alone, every other child's empty: what one record needs, found by one pass over the
    /// atoms' children and kept as atoms appended (`append`). Grouping every atom for one record had been nine
    /// tenths of a chronology the service answers at 10M events.
    init(atomChildren: [UInt32], only children: Set<Int>) {
        starts = [0]
        order = []
        atomCount = atomChildren.count
        guard let last = children.max() else { return }
        var wanted = [Bool](repeating: false, count: last + 1)
        for n in children where n >= 0 { wanted[n] = true }
        var found: [Int: [UInt32]] = [:]
        wanted.withUnsafeBufferPointer { wanted in
            atomChildren.withUnsafeBufferPointer { all in
                for i in all.indices where Int(all[i]) < wanted.count && wanted[Int(all[i])] {
                    found[Int(all[i]), default: []].append(UInt32(truncatingIfNeeded: i))
                }
            }
        }
        appended = found
        appendedCount = found.values.reduce(0) { $0 + $1.count }
    }

    /// Adds the atoms of `atomChildren` after those the streams hold: `atomChildren` is the state's whole array, of
    /// which the streams hold a prefix.
    mutating func append(_ atomChildren: [UInt32]) {
        for i in atomCount..<atomChildren.count {
            appended[Int(atomChildren[i]), default: []].append(UInt32(truncatingIfNeeded: i))
        }
        appendedCount += atomChildren.count - atomCount
        atomCount = atomChildren.count
    }

    /// The indices of child n's atoms, in log order.
    func atomIndices(of child: Int) -> ArraySlice<UInt32> {
        guard !appended.isEmpty, let more = appended[child] else { return grouped(child) }
        return ArraySlice(Array(grouped(child)) + more)
    }

    /// The indices of child n's atoms grouped when the streams were made; none for a child met since.
    private func grouped(_ child: Int) -> ArraySlice<UInt32> {
        child + 1 < starts.count ? order[starts[child]..<starts[child + 1]] : []
    }

    /// Whether the streams hold only the atoms grouped when they were made (none appended since): then the atoms of
    /// a run of children lie together in the grouping (`atoms(ofChildren:from:)`).
    var isGroupedOnly: Bool { appended.isEmpty }

    /// The number of children grouped when the streams were made.
    var groupedChildCount: Int { starts.count - 1 }

    /// Where child n's atoms start among the grouped atoms of every child: child n's atoms in
    /// `atoms(ofChildren:from:)` are those from `start(of: n) - start(of: children.lowerBound)` to the next
    /// child's start. For a grouped child, or the count of them.
    func start(of child: Int) -> Int { starts[child] }

    /// The grouped atoms of the children `children` (each grouped), child after child, each child's in log order,
    /// in one loop of independent reads, as `atoms(of:from:)` for one child. A run of children at a time, so that
    /// the reads of the next child's atoms do not wait for the last of the one before, and one allocation serves
    /// the run.
    func atoms(ofChildren children: Range<Int>, from atoms: [Atom]) -> [Atom] {
        gather(grouped: starts[children.lowerBound]..<starts[children.upperBound], appended: nil, from: atoms)
    }

    /// Child n's atoms, in log order: copied out of `atoms` through unsafe pointers, in one loop of independent
    /// reads, since a child's atoms lie all over the log and each read is likely to miss the cache. Those appended
    /// since the streams were grouped follow in the same array, with nothing allocated for them on the way.
    func atoms(of child: Int, from atoms: [Atom]) -> [Atom] {
        // A child met after the streams were grouped has no grouped atoms (none at all in a merged record as it
        // stood before the child's first event).
        let grouped = child + 1 < starts.count ? starts[child]..<starts[child + 1] : 0..<0
        return gather(grouped: grouped, appended: appended.isEmpty ? nil : appended[child], from: atoms)
    }

    /// The atoms at `order[grouped]`, then those at the indices `appended`, in one array, in one loop of independent
    /// reads each.
    private func gather(grouped: Range<Int>, appended: [UInt32]?, from atoms: [Atom]) -> [Atom] {
        let count = grouped.count + (appended?.count ?? 0)
        return atoms.withUnsafeBufferPointer { atoms in
            order.withUnsafeBufferPointer { order in
                [Atom](unsafeUninitializedCapacity: count) { buffer, initialized in
                    for j in 0..<grouped.count { buffer[j] = atoms[Int(order[grouped.lowerBound + j])] }
                    if let appended {
                        for (j, i) in zip(grouped.count..., appended) { buffer[j] = atoms[Int(i)] }
                    }
                    initialized = count
                }
            }
        }
    }
}
