import JourneyCore

/// Items taken in start order, for finding the first earlier item still open when a later one starts.
///
/// The overlap checks once scanned every earlier item for each later one, n² steps for a child with thousands of
/// plans or placements. Items are added in start order; the running latest end of the items so far only grows, so
/// the first item still open at a date is found by a binary search on it: the first place the running latest end
/// passes the date is the first item whose own end does.
struct OpenItems {
    /// The latest end of the items added so far, after each one (an item with no end runs on: `Int64.max`).
    private var latestEnd: [Int64] = []
    /// The caller's index of each item added.
    private var indices: [Int] = []

    /// Up to this many items, `forEachOpenEarlier` compares them pair by pair.
    static let pairwiseLimit = 16

    /// An item's end for `add`: its last day as a day number, `Int64.max` while it runs on.
    static func end(_ date: CalendarDate?) -> Int64 { date.map { Int64($0.dayNumber) } ?? Int64.max }
    /// The end of an item that takes no part: it is never open.
    static let neverOpen = Int64.min

    /// Adds the next item in start order; `end` is from `end(_:)` or `neverOpen`.
    mutating func add(index: Int, end: Int64) {
        latestEnd.append(max(latestEnd.last ?? Int64.min, end))
        indices.append(index)
    }

    /// The caller's index of the first item added that is still open on `date`: whose end is after it, or on it
    /// when `endDayIncluded` (a timescale that runs to and including its last day).
    func first(openOn date: CalendarDate, endDayIncluded: Bool) -> Int? {
        let day = Int64(date.dayNumber)
        var lo = 0
        var hi = latestEnd.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let isOpen = endDayIncluded ? latestEnd[mid] >= day : latestEnd[mid] > day
            if isOpen { hi = mid } else { lo = mid + 1 }
        }
        return lo < indices.count ? indices[lo] : nil
    }
}

/// Calls `found(later, earlier)` for each item that starts while an earlier item of the same group is still open,
/// with the first such earlier item. Items are numbered `0..<count` in start order; `end` is from `OpenItems.end(_:)`
/// or `OpenItems.neverOpen`.
///
/// A few items are compared pair by pair, which costs nothing to set up; many are swept with `OpenItems`, one sweep
/// per group, so that a child with thousands of them is judged in n log n.
func forEachOpenEarlier(
    count: Int, start: (Int) -> CalendarDate, end: (Int) -> Int64, group: (Int) -> UInt64 = { _ in 0 },
    endDayIncluded: Bool, _ found: (_ later: Int, _ earlier: Int) -> Void
) {
    func isOpen(_ end: Int64, on date: CalendarDate) -> Bool {
        endDayIncluded ? end >= Int64(date.dayNumber) : end > Int64(date.dayNumber)
    }
    if count <= OpenItems.pairwiseLimit {
        for later in 0..<count {
            let day = start(later)
            let g = group(later)
            if let earlier = (0..<later).first(where: { group($0) == g && isOpen(end($0), on: day) }) {
                found(later, earlier)
            }
        }
        return
    }
    var open: [UInt64: OpenItems] = [:]
    for later in 0..<count {
        let g = group(later)
        if let earlier = open[g]?.first(openOn: start(later), endDayIncluded: endDayIncluded) { found(later, earlier) }
        open[g, default: OpenItems()].add(index: later, end: end(later))
    }
}
