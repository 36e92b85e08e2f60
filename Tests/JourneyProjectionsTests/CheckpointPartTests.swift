import JourneyCore
import JourneyLog
import JourneySynth
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// The atoms a checkpoint read in part gives for some children are those a pass over every atom of the state gives,
/// child after child, each child's in log order, however many runs of the children they are read in.
struct CheckpointPartTests {
    @Test func theAtomsOfSomeChildrenAreThoseOfAPassOverEveryAtom() throws {
        let (state, part, _) = try AtomIDBucketsTests.checkpoint()
        var random = SeededRandom(state: 3)
        let childCount = state.childCount
        let some = Set((0..<40).map { _ in Int(random.next() % UInt64(childCount)) })
        for children in [Set([0]), some, Set(0..<childCount)] {
            // A pass over every atom: theirs, in log order, then put child after child (a stable sort).
            let expected = zip(state.atoms, state.atomChildren).filter { children.contains(Int($0.1)) }
                .enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element)
            #expect(!expected.isEmpty)
            for parts in [1, 2, 3, 7, 64] {
                let (atoms, numbers) = try #require(part.atoms(of: children, parts: parts))
                #expect(numbers == expected.map(\.1), "\(children.count) children in \(parts) parts")
                #expect(atoms == expected.map(\.0))
            }
        }
        #expect(part.atoms(of: [])?.atoms.isEmpty == true)
    }
}
