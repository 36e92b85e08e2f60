import JourneyCore

/// Two deprivation of liberty orders in force at once.
///
/// A new order replaces the one before, which ends first; an overlap is usually an end not recorded. One order may
/// end on the day the next starts. SSDA903 705 (DoLO, from 2026-27): "A DoLO cannot start when the previous DoLO is
/// still open".
struct OverlappingDeprivationOfLibertyOrders: Check {
    var id: String { "overlapping-deprivation-of-liberty-orders" }
    var severity: Severity { .error }
    var rule: String? { "903 705" }
    var summary: String { "A deprivation of liberty order starts while another is still in force." }
    var judges: RecordFacts { [.deprivationOfLibertyOrders] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findOverlappingSpells(
            child, child.record.deprivationOfLibertyOrders,
            dates: { o in o.start.map { DateRange(start: $0, end: o.end) } }, order: \.position,
            events: { later, earlier in [child.start(of: later), child.start(of: earlier), child.end(of: earlier)] },
            spell: "Deprivation of liberty order", earlierSpell: "order",
            fix: { started in "end the earlier order on or before \(started), or correct the dates" }, into: &findings)
    }
}
