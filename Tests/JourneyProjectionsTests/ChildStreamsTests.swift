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
}
