import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyProjections

/// Where merged children end up. The walk from every merged child to the end of its chain took n² steps for a chain
/// of n merges (16,000 merges: 27 s in `metrics`, 56 s in `cohort`); it is one walk per chain now, with the same
/// answer, cycles included.
@Suite("Merge chains")
struct MergeChainTests {
    /// The rule as written in the replay's conventions: follow `into` until a child that is not merged, or until
    /// the next child would be one already passed (a cycle, broken there).
    static func followed(_ mergedInto: [ChildID: ChildID]) -> [ChildID: ChildID] {
        var final: [ChildID: ChildID] = [:]
        for child in mergedInto.keys {
            var current = child
            var seen: Set<ChildID> = [child]
            while let next = mergedInto[current], seen.insert(next).inserted { current = next }
            final[child] = current
        }
        return final
    }

    static func id(_ n: Int) -> ChildID { ChildID("C\(n)") }

    @Test("A chain ends at its last child; a cycle ends each child at the one before it")
    func handWorked() {
        // C1 → C2 → C3 (not merged); C4 → C5 → C6 → C4 (a cycle), C7 → C5 (into the cycle).
        let mergedInto = [
            Self.id(1): Self.id(2), Self.id(2): Self.id(3), Self.id(4): Self.id(5), Self.id(5): Self.id(6),
            Self.id(6): Self.id(4), Self.id(7): Self.id(5), Self.id(8): Self.id(8),
        ]
        let final = MergedRecords.finalIDs(mergedInto)
        #expect(final[Self.id(1)] == Self.id(3))
        #expect(final[Self.id(2)] == Self.id(3))
        // C4's walk: C4, C5, C6, then C4 again: it stops at C6. C5's stops at C4, C6's at C5.
        #expect(final[Self.id(4)] == Self.id(6))
        #expect(final[Self.id(5)] == Self.id(4))
        #expect(final[Self.id(6)] == Self.id(5))
        // C7's walk: C7, C5, C6, C4, then C5 again: it stops at C4, where C5 does.
        #expect(final[Self.id(7)] == Self.id(4))
        // Merged into itself: it stays itself.
        #expect(final[Self.id(8)] == Self.id(8))
        #expect(final == Self.followed(mergedInto))
    }

    @Test("Random merges, with chains, cycles and trees, end where the walk from each child ends", arguments: 0..<40)
    func randomMerges(seed: Int) {
        var rng = SeededRandom(state: UInt64(seed) + 1)
        let children = Int.random(in: 2...60, using: &rng)
        var mergedInto: [ChildID: ChildID] = [:]
        for n in 0..<children where Int.random(in: 0..<4, using: &rng) > 0 {
            mergedInto[Self.id(n)] = Self.id(Int.random(in: 0..<children, using: &rng))
        }
        #expect(MergedRecords.finalIDs(mergedInto) == Self.followed(mergedInto))
    }

    @Test("A chain of 100,000 merges ends every child at the last")
    func longChain() {
        var mergedInto: [ChildID: ChildID] = [:]
        for n in 0..<100_000 { mergedInto[Self.id(n)] = Self.id(n + 1) }
        let final = MergedRecords.finalIDs(mergedInto)
        #expect(final.count == 100_000)
        #expect(final.values.allSatisfy { $0 == Self.id(100_000) })
    }
}
