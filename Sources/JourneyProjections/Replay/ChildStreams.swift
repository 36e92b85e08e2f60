/// The atoms of each child's own stream, grouped: a counting sort of `JourneyState.atomChildren`, made when figures
/// are evaluated. Child n's atoms are `order[starts[n]..<starts[n + 1]]`, indices into `JourneyState.atoms`, in
/// log order.
struct ChildStreams: Sendable {
    private var starts: [Int]
    private var order: [UInt32]

    init(atomChildren: [UInt32], childCount: Int) {
        var starts = [Int](repeating: 0, count: childCount + 1)
        for n in atomChildren { starts[Int(n) + 1] += 1 }
        for n in 0..<childCount { starts[n + 1] += starts[n] }
        var next = starts
        let order = [UInt32](unsafeUninitializedCapacity: atomChildren.count) { buffer, initialized in
            next.withUnsafeMutableBufferPointer { next in
                atomChildren.withUnsafeBufferPointer { children in
                    for i in children.indices {
                        let n = Int(children[i])
                        buffer[next[n]] = UInt32(truncatingIfNeeded: i)
                        next[n] += 1
                    }
                }
            }
            initialized = atomChildren.count
        }
        self.starts = starts
        self.order = order
    }

    /// The indices of child n's atoms, in log order.
    func atomIndices(of child: Int) -> ArraySlice<UInt32> {
        order[starts[child]..<starts[child + 1]]
    }

    /// Child n's atoms, in log order: copied out of `atoms` through unsafe pointers, in one loop of independent
    /// reads, since a child's atoms lie all over the log and each read is likely to miss the cache.
    func atoms(of child: Int, from atoms: [Atom]) -> [Atom] {
        let start = starts[child]
        let count = starts[child + 1] - start
        return atoms.withUnsafeBufferPointer { atoms in
            order.withUnsafeBufferPointer { order in
                [Atom](unsafeUninitializedCapacity: count) { buffer, initialized in
                    for j in 0..<count { buffer[j] = atoms[Int(order[start + j])] }
                    initialized = count
                }
            }
        }
    }
}
