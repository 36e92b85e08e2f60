import JourneyCore

/// A child on a CP plan whose review conference is overdue.
///
/// Working Together: the first review conference is held within 3 months of the initial conference, later ones at
/// intervals of no more than 6 months (the timescale `cp-review-timeliness` measures). Judged on the as-of date for
/// plans open on it: overdue when the as-of date is after `start + 3 months` with no review, or after the last
/// review `+ 6 months`.
struct CPPlanReviewOverdue: Check {
    var id: String { "cp-plan-review-overdue" }
    var severity: Severity { .warning }
    var summary: String {
        "A CP plan has had no review conference within 3 months of its start, or 6 months of the last."
    }
    var judges: RecordFacts { [.cpPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.cpPlans {
            guard let start = p.start, start <= child.asOf, p.end.map({ $0 > child.asOf }) ?? true else { continue }
            let reviews = p.reviews.filter { $0 > start && $0 <= child.asOf }
            if let last = reviews.last {
                let due = last.adding(months: 6)
                guard child.asOf > due else { continue }
                findings.append(
                    finding(
                        child, on: due, events: [child.review(of: p, on: last), child.start(of: p)],
                        "CP plan started \(start) was last reviewed \(last); the next review was due by \(due) (6 "
                            + "months): hold the review conference, or record it if it was held."))
            } else {
                let due = start.adding(months: 3)
                guard child.asOf > due else { continue }
                findings.append(
                    finding(
                        child, on: due, events: [child.start(of: p)],
                        "CP plan started \(start) has had no review conference; the first was due by \(due) (3 "
                            + "months): hold the review conference, or record it if it was held."))
            }
        }
    }
}
