import Testing

@testable import JourneyProjections

/// The values of a median or a percentile, sorted by counting where their range is narrow, and taken out by count:
/// the same as a sort and as a removal by hashed counts, whatever the values.
struct PercentilesTests {
    @Test func sortedByCountingIsASort() {
        var generator = SystemRandomNumberGenerator()
        // Narrow ranges (counted), wide ones (sorted), negative values, repeats, and too few to count.
        let shapes: [(count: Int, range: ClosedRange<Int>)] = [
            (0, 0...1), (1, 5...5), (64, 0...10), (65, 0...10), (1_000, 0...400), (1_000, -50...50),
            (1_000, 0...1_999), (1_000, 0...2_000), (500, 0...1_000_000), (300, Int.min / 2...Int.max / 2),
        ]
        for (count, range) in shapes {
            let values = (0..<count).map { _ in Int.random(in: range, using: &generator) }
            #expect(values.sortedByCounting() == values.sorted())
        }
        // The two ends of Int: their span overflows, so they are sorted.
        let extremes = [Int.max, Int.min, 0] + Array(repeating: 7, count: 100)
        #expect(extremes.sortedByCounting() == extremes.sorted())
    }

    /// By hand: three 2s, one 0 and one 9 in 70 values of 4: counted, 0, 2, 2, 2, 4 (×70), 9.
    @Test func countedByHand() {
        let values = [2, 9] + Array(repeating: 4, count: 70) + [2, 0, 2]
        #expect(values.sortedByCounting() == [0, 2, 2, 2] + Array(repeating: 4, count: 70) + [9])
    }

    @Test func removingByCountMatchesRemovingByValue() {
        var generator = SystemRandomNumberGenerator()
        for range in [0...30, -5...5, 0...200_000] {
            var values = (0..<2_000).map { _ in Int.random(in: range, using: &generator) }
            let taken = values.enumerated().filter { $0.offset % 3 == 1 }.map(\.element).shuffled(using: &generator)
            // What removing the first occurrences, one hashed count per value, leaves.
            var owed: [Int: Int] = [:]
            for v in taken { owed[v, default: 0] += 1 }
            let expected = values.filter { v in
                guard let n = owed[v], n > 0 else { return true }
                owed[v] = n - 1
                return false
            }
            values.removeOccurrences(of: taken)
            #expect(values == expected)
        }
        // Values whose span overflows are counted by value.
        var extremes = [Int.max, 3, Int.min, 3]
        extremes.removeOccurrences(of: [Int.min, 3])
        #expect(extremes == [Int.max, 3])
    }
}
