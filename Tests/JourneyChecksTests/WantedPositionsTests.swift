import Testing

@testable import JourneyChecks

/// The bits of the positions a lookup of event ids wants: each position asked for up to the log's last, on either
/// side of a word's edge (63, 64, 127, 128), and nothing else.
struct WantedPositionsTests {
    @Test func holdsThePositionsAskedForUpToTheLogsLast() {
        let wanted = WantedPositions([1, 63, 64, 127, 128, 1_000, 1_001, UInt64.max], upTo: 1_000)
        #expect(wanted.last == 1_000)
        let held = (0...1_100).filter { wanted.contains(UInt64($0)) }
        #expect(held == [1, 63, 64, 127, 128, 1_000])
        #expect(!wanted.contains(UInt64.max))
    }

    @Test func holdsNothingWhenNothingIsAskedForWithinTheLog() {
        for asked: Set<UInt64> in [[], [5_001, 9_999]] {
            let wanted = WantedPositions(asked, upTo: 5_000)
            #expect(wanted.last == 0)
            #expect(!(0...6_000).contains { wanted.contains(UInt64($0)) })
        }
    }
}
