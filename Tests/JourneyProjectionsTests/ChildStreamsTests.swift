import JourneyTestSupport
import Testing

@testable import JourneyProjections

struct ChildStreamsTests {
    /// Enough children that the scatter is shared out in runs: every child's atoms, in log order, and no others.
    @Test(arguments: [3, 20_000, 40_001])
    func eachChildsAtomsInLogOrder(children: Int) {
        var rng = SeededRandom(state: UInt64(children))
        let atomChildren = (0..<(children * 5)).map { _ in UInt32.random(in: 0..<UInt32(children), using: &rng) }
        let streams = ChildStreams(atomChildren: atomChildren, childCount: children)
        var expected = [[UInt32]](repeating: [], count: children)
        for (i, n) in atomChildren.enumerated() { expected[Int(n)].append(UInt32(i)) }
        #expect((0..<children).allSatisfy { Array(streams.atomIndices(of: $0)) == expected[$0] })
    }

    /// The atoms of a run of children, gathered at once, are each child's atoms in turn, each child's in log order,
    /// and each child's start among them is its start among every child's less the run's.
    @Test func atomsOfARunOfChildren() {
        // Children 0-3 and eight atoms, told apart by position (their index): child 0 has atoms 1 and 6, child 1 atoms
        // 0, 3 and 7, child 2 none, child 3 atoms 2, 4 and 5.
        let atomChildren: [UInt32] = [1, 0, 3, 1, 3, 3, 0, 1]
        let atoms = atomChildren.indices.map {
            Atom(type: .childDied, occurred: 0, id: UInt64($0), position: UInt64($0), recorded: 0)
        }
        let streams = ChildStreams(atomChildren: atomChildren, childCount: 4)
        // Children 1 to 3: child 1's (0, 3, 7), child 2's (none), child 3's (2, 4, 5).
        #expect(streams.atoms(ofChildren: 1..<4, from: atoms).map(\.position) == [0, 3, 7, 2, 4, 5])
        // Child 0's two atoms come first: child 1 starts at 2, child 2 and 3 at 5, the end at 8.
        #expect((0...4).map { streams.start(of: $0) } == [0, 2, 5, 5, 8])
        #expect(streams.atoms(ofChildren: 0..<1, from: atoms).map(\.position) == [1, 6])
        #expect(streams.atoms(ofChildren: 2..<3, from: atoms).isEmpty)
        #expect(streams.isGroupedOnly && streams.groupedChildCount == 4)
    }

    /// Atoms appended after the streams were grouped follow each child's grouped ones, and a child first met among
    /// them has those alone: the same streams as grouping all the atoms at once.
    @Test func appendedAtomsFollowTheGroupedOnes() {
        // Children 0-2 grouped from five atoms; then three more atoms, of children 1, 3 (new) and 1.
        var all: [UInt32] = [0, 1, 2, 1, 0]
        var streams = ChildStreams(atomChildren: all, childCount: 3)
        all += [1, 3, 1]
        streams.append(all)
        let whole = ChildStreams(atomChildren: all, childCount: 4)
        // Child 1: atoms 1 and 3 grouped, then 5 and 7; child 3: atom 6 alone.
        #expect(Array(streams.atomIndices(of: 1)) == [1, 3, 5, 7])
        #expect(Array(streams.atomIndices(of: 3)) == [6])
        #expect((0..<4).allSatisfy { Array(streams.atomIndices(of: $0)) == Array(whole.atomIndices(of: $0)) })
        #expect(streams.atomCount == 8)
    }
}
