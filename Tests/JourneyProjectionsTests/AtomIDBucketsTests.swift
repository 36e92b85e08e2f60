import JourneyCore
import JourneyLog
import JourneySynth
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// A checkpoint's ids filed by id find exactly the children a pass over every atom finds: for one id, for ids
/// that two events share, for an id no atom has, and for so many ids that every entry is read once.
@Suite("Atom ids filed by id")
struct AtomIDBucketsTests {
    /// A council of 200 children, replayed, with its checkpoint written and opened in part. Two atoms of different
    /// children are given the same id first, as two events whose ids' hashes are the same would have.
    static func checkpoint() throws -> (state: JourneyState, part: CheckpointPart, shared: UInt64) {
        let log = try council("journey-atom-ids")
        let end = try #require(CheckpointPart.open(log)?.part.end)
        var state = try JourneyState(replaying: log)
        let first = 0
        let other = try #require(state.atomChildren.firstIndex { $0 != state.atomChildren[first] })
        state.atoms[other].id = state.atoms[first].id
        let file = Checkpoint.file(in: try #require(log.cacheDirectory()))
        try Checkpoint.write(state, cursor: end, chainHash: try #require(log.chainHash(endingAt: end)), to: file)
        let part = try #require(CheckpointPart.open(log)?.part)
        return (state, part, state.atoms[first].id)
    }

    /// A log folder of a council of 200 children with 5% defects, under a new temporary folder named for `name`,
    /// replayed with its checkpoint written.
    static func council(_ name: String) throws -> EventLog {
        let events = try SyntheticCouncil(
            SynthParameters(children: 200, from: d("2023-04-01"), to: d("2025-03-31"), seed: 5, defectRate: 0.05)
        ).events()
        let path = temporaryDirectory(name)
        let writer = try LogWriter.open(path)
        try writer.append(events)
        writer.close()
        let log = try EventLog.open(path)
        _ = try Checkpoint.replay(log)
        return log
    }

    /// The children a pass over every atom finds.
    static func childrenByPass(_ state: JourneyState, _ ids: EventIDSet) -> Set<Int> {
        var children: Set<Int> = []
        for (atom, child) in zip(state.atoms, state.atomChildren) where ids.contains(atom.id) {
            children.insert(Int(child))
        }
        return children
    }

    static func set(_ ids: some Sequence<UInt64>) -> EventIDSet {
        var set = EventIDSet()
        for id in ids { set.insert(id) }
        return set
    }

    @Test func theChildrenFoundAreThoseOfEveryAtomWithTheIDs() throws {
        let (state, part, shared) = try Self.checkpoint()
        let atomIDs = state.atoms.map(\.id)
        // The shared id: the two children whose atoms have it, not only the first found.
        let sharing = try #require(part.children(ofAtomsWithIDs: Self.set([shared])))
        #expect(sharing.count == 2)
        #expect(sharing == Self.childrenByPass(state, Self.set([shared])))
        // An id no atom has: no child. (Ids are hashes, never 0; 1 is an id of no event here.)
        #expect(!atomIDs.contains(1))
        #expect(part.children(ofAtomsWithIDs: Self.set([1])) == [])
        // A few ids, each looked up in its bucket, and more than the bucket lookups take (one pass over the entries).
        for count in [1, 3, 40, atomIDs.count / 2] {
            let ids = Self.set((0..<count).map { atomIDs[($0 * 7_919) % atomIDs.count] } + [1])
            #expect(part.children(ofAtomsWithIDs: ids) == Self.childrenByPass(state, ids))
        }
    }

    @Test("Filed a few buckets at a time or all at once, the bytes are the same")
    func theBytesDoNotDependOnTheGroupSize() throws {
        let (state, _, _) = try Self.checkpoint()
        func bytes(groupEntries: Int) throws -> [UInt8] {
            var bytes: [UInt8] = []
            try AtomIDBuckets.write(state.atoms, children: state.atomChildren, groupEntries: groupEntries) {
                bytes.append(contentsOf: $0)
            }
            return bytes
        }
        let whole = try bytes(groupEntries: 1 << 21)
        #expect(whole.count == AtomIDBuckets.size(atomCount: state.atoms.count))
        #expect(try bytes(groupEntries: 7) == whole)
        #expect(try bytes(groupEntries: 1) == whole)
    }

    @Test("About 32 to 64 atoms a bucket, and every atom in one bucket when there are few")
    func bucketsHoldAFewDozenAtoms() {
        #expect(AtomIDBuckets.bits(atomCount: 0) == 0)
        #expect(AtomIDBuckets.bits(atomCount: 64) == 0)
        // 65 atoms: 2 buckets (32.5 each); 10,000,000: 2^18 buckets (38 each), since 10^7 / 2^17 = 76 > 64.
        #expect(AtomIDBuckets.bits(atomCount: 65) == 1)
        #expect(AtomIDBuckets.bits(atomCount: 10_000_000) == 18)
        // The bucket is the id's leading bits.
        #expect(AtomIDBuckets.bucket(of: 0xC000_0000_0000_0001, bits: 2) == 3)
        #expect(AtomIDBuckets.bucket(of: .max, bits: 0) == 0)
    }
}
