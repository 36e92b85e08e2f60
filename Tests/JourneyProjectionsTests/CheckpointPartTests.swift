import Foundation
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

    /// The arrays have the room asked for after the atoms, for the caller's: the atoms folded since the checkpoint.
    @Test func theArraysHaveRoomForWhatTheCallerPutsAfter() throws {
        let (state, part, _) = try AtomIDBucketsTests.checkpoint()
        for parts in [1, 3] {
            let (atoms, numbers) = try #require(part.atoms(of: Set(0..<state.childCount), parts: parts, roomAfter: 500))
            #expect(atoms.count == state.atoms.count)
            #expect(atoms.capacity >= atoms.count + 500)
            #expect(numbers.capacity >= numbers.count + 500)
        }
    }

    /// A byte changed in the atoms of the last children: asked for every child, in any number of runs, so that one run
    /// fails while the others read theirs, nothing is given; asked for the first child alone, whose atoms lie in
    /// another block, its atoms are.
    @Test func aPieceNotAsWrittenGivesNothing() throws {
        let log = try AtomIDBucketsTests.council("journey-checkpoint-part")
        let state = try JourneyState(replaying: log)
        let file = Checkpoint.file(in: try #require(log.cacheDirectory())).path
        let good = try #require(CheckpointPart.open(log)?.part)
        let lastAtom = good.atomsAt + (good.atomCount - 1) * MemoryLayout<Atom>.stride
        #expect(lastAtom - good.atomsAt > CacheFile.blockSize, "the first child's atoms lie in another block")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[lastAtom] ^= 0x10
        try bytes.write(to: URL(fileURLWithPath: file))
        let part = try #require(CheckpointPart.open(log)?.part)
        for parts in [1, 3] {
            #expect(part.atoms(of: Set(0..<state.childCount), parts: parts) == nil, "\(parts) parts")
        }
        let first = try #require(part.atoms(of: [0]))
        #expect(first.atoms == zip(state.atoms, state.atomChildren).filter { $0.1 == 0 }.map(\.0))
    }
}
