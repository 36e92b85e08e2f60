import JourneyCore

/// Pairs each item that starts while an earlier one is still open with the first such earlier item: the rule the
/// overlap checks share (one may end on the day the next starts). Items are taken in start order, then `order`;
/// items with no range, or that end before they start (reported by their own check), take no part.
func laterOverlaps<T>(_ items: [T], range: (T) -> DateRange?, order: (T) -> UInt64) -> [(earlier: T, later: T)] {
    // A pair needs two: most children have one of each kind, which then costs no copy and no sort.
    guard items.count > 1 else { return [] }
    let ranged = items.compactMap { item -> (item: T, range: DateRange)? in
        guard let r = range(item), r.end.map({ $0 >= r.start }) ?? true else { return nil }
        return (item, r)
    }
    .sorted { ($0.range.start, order($0.item)) < ($1.range.start, order($1.item)) }
    // In start order, an earlier item overlaps a later one when it ends after the later one starts, and the later
    // one spans a day (it does not end on the day it starts): `DateRange.overlaps` for items taken in start order.
    var pairs: [(earlier: T, later: T)] = []
    forEachOpenEarlier(
        count: ranged.count, start: { ranged[$0].range.start }, end: { OpenItems.end(ranged[$0].range.end) },
        endDayIncluded: false
    ) { later, earlier in
        let range = ranged[later].range
        if range.end.map({ $0 > range.start }) ?? true { pairs.append((ranged[earlier].item, ranged[later].item)) }
    }
    return pairs
}
