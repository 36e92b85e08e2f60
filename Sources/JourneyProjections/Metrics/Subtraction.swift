/// What a metric's `subtract` is made of: taking out of a tally what a fold over some of its children put in, so
/// that a metric kept between appends can replace the contributions of the children an append changed
/// (`LiveMetrics`). A key that only ever appears once something is counted under it goes when its count returns to
/// 0, so that the tally is the one a fold over the remaining children makes.
extension Dictionary where Value == Int {
    /// Takes `other`'s counts out of these; keys whose count falls to 0 are removed when `droppingZeros`.
    mutating func subtract(_ other: Self, droppingZeros: Bool = true) {
        for (key, n) in other {
            let left = (self[key] ?? 0) - n
            self[key] = left == 0 && droppingZeros ? nil : left
        }
    }
}

extension Array where Element == Int {
    /// Removes one occurrence of each of `values` (every one of which must be here), keeping the others in their
    /// order: the values of an average or a median, whose order does not matter, only how many of each.
    ///
    /// The occurrences owed are counted in an array over the values' range (days, scores: a few thousand at most),
    /// so that each value kept costs a comparison rather than a hashed lookup: a year's durations are kept for every
    /// update of the live figures. A range too wide for that is counted by value.
    mutating func removeOccurrences(of values: [Int]) {
        guard !values.isEmpty else { return }
        guard let (low, counts) = values.countedByValue(spanningUnder: 1 << 16) else {
            var owed: [Int: Int] = [:]
            for v in values { owed[v, default: 0] += 1 }
            removeAll { v in
                guard let n = owed[v], n > 0 else { return false }
                owed[v] = n - 1
                return true
            }
            return
        }
        var owed = counts
        var left = values.count
        removeAll { v in
            guard left > 0, v >= low, v - low < owed.count, owed[v - low] > 0 else { return false }
            owed[v - low] -= 1
            left -= 1
            return true
        }
    }
}
