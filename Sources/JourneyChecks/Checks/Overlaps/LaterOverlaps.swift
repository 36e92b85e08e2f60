import JourneyCore

/// Pairs each item that starts while an earlier one is still open with the first such earlier item: the rule the
/// overlap checks share (one may end on the day the next starts). Items are taken in start order, then `order`;
/// items with no range, or that end before they start (reported by their own check), take no part.
func laterOverlaps<T>(_ items: [T], range: (T) -> DateRange?, order: (T) -> UInt64) -> [(earlier: T, later: T)] {
    let ranged = items.compactMap { item -> (item: T, range: DateRange)? in
        guard let r = range(item), r.end.map({ $0 >= r.start }) ?? true else { return nil }
        return (item, r)
    }
    .sorted { ($0.range.start, order($0.item)) < ($1.range.start, order($1.item)) }
    var pairs: [(earlier: T, later: T)] = []
    for (i, later) in ranged.enumerated() {
        if let earlier = ranged[..<i].first(where: { $0.range.overlaps(later.range) }) {
            pairs.append((earlier.item, later.item))
        }
    }
    return pairs
}
