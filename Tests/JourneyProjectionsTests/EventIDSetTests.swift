import Testing

@testable import JourneyProjections

struct EventIDSetTests {
    @Test func holdsWhatWasInsertedAndNothingElse() {
        var set = EventIDSet()
        #expect(set.isEmpty)
        #expect(!set.contains(1))
        // 1,000 ids, 2 apart, inserted twice: the table grows many times, and a second insert adds nothing.
        for pass in 0..<2 {
            for i in 1...1_000 { set.insert(UInt64(i) * 2) }
            #expect(set.count == 1_000, "pass \(pass)")
        }
        #expect((1...1_000).allSatisfy { set.contains(UInt64($0) * 2) })
        #expect(!(1...1_000).contains { set.contains(UInt64($0) * 2 + 1) })
        // Ids whose low bits are those of an id in the set pass the filter, and the table still says no.
        #expect(!(1...1_000).contains { set.contains(UInt64($0) * 2 + 1 << 50) })
        // Ids that share their low bits, as hashes never should but might.
        var clustered = EventIDSet()
        for i in 1...64 { clustered.insert(UInt64(i) << 40) }
        #expect(clustered.count == 64)
        #expect((1...64).allSatisfy { clustered.contains(UInt64($0) << 40) })
        #expect(!clustered.contains(65 << 40))
    }
}
