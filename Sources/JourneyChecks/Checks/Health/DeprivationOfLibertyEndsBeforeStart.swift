import JourneyCore

/// A deprivation of liberty order that ends on or before the day it starts.
///
/// SSDA903 702 (DoLO, from 2026-27): "The date that the DoLO ended is before the date that it started", which the
/// rule reads as ending on or before the start: an order lasts at least a day.
struct DeprivationOfLibertyEndsBeforeStart: Check {
    var id: String { "deprivation-of-liberty-ends-before-start" }
    var severity: Severity { .error }
    var rule: String? { "903 702" }
    var summary: String { "A deprivation of liberty order ends on or before the day it started." }
    var judges: RecordFacts { [.deprivationOfLibertyOrders] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for o in child.record.deprivationOfLibertyOrders {
            guard let start = o.start, let end = o.end, end <= start else { continue }
            let when = end < start ? "before it started on \(start)" : "the day it started"
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: o), child.start(of: o)],
                    "Deprivation of liberty order ended \(end), \(when): correct the start date or the end date."))
        }
    }
}
