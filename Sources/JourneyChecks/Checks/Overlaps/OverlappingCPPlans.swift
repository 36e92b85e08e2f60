import JourneyCore

/// Two CP plans of one child that overlap.
///
/// A child is on one CP plan at a time (the CIN census counts plans, and `cp-plan-duration` and repeat plans would
/// double-count); one plan may end on the day the next starts.
struct OverlappingCPPlans: Check {
    var id: String { "overlapping-cp-plans" }
    var severity: Severity { .error }
    var summary: String { "A CP plan starts while another CP plan of the child is still open." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let plans = child.record.cpPlans.filter { p in p.start != nil && (p.end.map { $0 >= p.start! } ?? true) }
            .sorted { ($0.start!, $0.position) < ($1.start!, $1.position) }
        for (i, later) in plans.enumerated() {
            guard
                let earlier = plans[..<i].first(where: {
                    DateRange(start: $0.start!, end: $0.end).overlaps(DateRange(start: later.start!, end: later.end))
                })
            else { continue }
            findings.append(
                finding(
                    child, on: later.start!,
                    events: [child.start(of: later), child.start(of: earlier), child.end(of: earlier)],
                    "CP plan started \(later.start!) while the CP plan started \(earlier.start!) was "
                        + "\(earlier.end.map { "open until \($0)" } ?? "still open"): end the earlier plan, or "
                        + "retract the plan recorded twice."))
        }
    }
}
