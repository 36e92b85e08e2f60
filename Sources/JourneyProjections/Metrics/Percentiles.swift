/// The nearest-rank percentile of sorted values: the value at rank ⌈n·p/100⌉ (at least 1).
func nearestRank(_ sorted: [Int], _ p: Int) -> Int? {
    guard !sorted.isEmpty else { return nil }
    let rank = max(1, (sorted.count * p + 99) / 100)
    return sorted[rank - 1]
}

extension Array where Element == Int {
    /// These values in ascending order, as `sorted()` gives them: counted by value when their range is narrow (days,
    /// scores), which costs a pass over them where a sort compares each many times; sorted otherwise.
    func sortedByCounting() -> [Int] {
        guard count > 64, let (low, counts) = countedByValue(spanningUnder: 2 * count) else { return sorted() }
        var sorted: [Int] = []
        sorted.reserveCapacity(count)
        for (offset, n) in counts.enumerated() where n > 0 {
            sorted.append(contentsOf: repeatElement(low + offset, count: n))
        }
        return sorted
    }

    /// How many of these values there are of each value from the lowest up: `counts[v - low]` of value `v`. `nil` when
    /// there are none, or when the highest is `limit` or more above the lowest (counting would cost more than it saves).
    func countedByValue(spanningUnder limit: Int) -> (low: Int, counts: [Int])? {
        guard let low = self.min(), let high = self.max() else { return nil }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow, span < limit else { return nil }
        var counts = [Int](repeating: 0, count: span + 1)
        for v in self { counts[v - low] += 1 }
        return (low, counts)
    }
}
