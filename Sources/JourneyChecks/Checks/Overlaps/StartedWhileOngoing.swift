import JourneyCore

/// Pairs each piece of an episode's work (an assessment, a section 47 enquiry) that starts while an earlier one of
/// the same episode is ongoing with the first such earlier one: the rule CIN 8863Q and 8890 share. Both read "on or
/// between" the earlier one's start and its end, so it is ongoing to and including the day it ends (`end`, `nil`
/// while it has none). Work with no start, or whose first event names no referral, takes no part; the rest is taken
/// in start order, then log order.
func startedWhileOngoing<Work>(
    _ work: [Work], started: (Work) -> CalendarDate?, end: (Work) -> CalendarDate?, referral: (Work) -> UInt64,
    position: (Work) -> UInt64
) -> [(earlier: Work, later: Work)] {
    // A pair needs two: most episodes have one assessment, which then costs no copy and no sort.
    guard work.count > 1 else { return [] }
    let work = work.filter { started($0) != nil && referral($0) != 0 }
        .sorted { (started($0)!, position($0)) < (started($1)!, position($1)) }
    var pairs: [(earlier: Work, later: Work)] = []
    forEachOpenEarlier(
        count: work.count, start: { started(work[$0])! }, end: { OpenItems.end(end(work[$0])) },
        group: { referral(work[$0]) }, endDayIncluded: true
    ) { later, earlier in pairs.append((work[earlier], work[later])) }
    return pairs
}
