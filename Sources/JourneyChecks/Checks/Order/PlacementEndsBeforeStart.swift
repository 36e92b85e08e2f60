import JourneyCore

/// A placement that ends before it starts.
///
/// A reversed placement has no days, so stability and distance figures skip it without saying so.
struct PlacementEndsBeforeStart: Check {
    var id: String { "placement-ends-before-start" }
    var severity: Severity { .error }
    var summary: String { "A placement ends before the date it started." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.placements {
            guard let end = p.ownEnd, end < p.start else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: p), child.start(of: p)],
                    "Placement ended \(end), before it started on \(p.start): correct the start date or the end date."))
        }
    }
}
