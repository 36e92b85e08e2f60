import JourneyCore

/// A placement outside its period of care: before it starts, after it ends, or in a period that is not recorded.
///
/// A placement belongs to a period of care (SSDA903 episodes sit inside the period looked after); outside it the
/// child is placed but not looked after, which no return can hold.
struct PlacementOutsidePeriodOfCare: Check {
    var id: String { "placement-outside-period-of-care" }
    var severity: Severity { .error }
    var summary: String {
        "A placement is dated outside its period of care, or names a period of care that is not recorded."
    }
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.placements {
            guard let period = child.record.periodsOfCare.first(where: { $0.key == p.period }), let start = period.start
            else {
                findings.append(
                    finding(
                        child, on: p.start, events: [p.position],
                        "Placement started \(p.start) names a period of care that is not recorded: record the period "
                            + "of care's start, or link the placement to the right period."))
                continue
            }
            let message: String
            if p.start < start {
                message = "Placement started \(p.start), before its period of care started on \(start)"
            } else if let end = period.end, p.start >= end, end >= start {
                message = "Placement started \(p.start), after its period of care ended on \(end)"
            } else if let end = period.end, let own = p.ownEnd, own > end, end >= start {
                message = "Placement ended \(own), after its period of care ended on \(end)"
            } else {
                continue
            }
            findings.append(
                finding(
                    child, on: p.start, events: [p.position, child.start(of: period), child.end(of: period)],
                    message + ": correct the placement's dates or the period of care's, or link the placement to the "
                        + "right period."))
        }
    }
}
