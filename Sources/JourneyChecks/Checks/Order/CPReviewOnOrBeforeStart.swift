import JourneyCore

/// A CP review conference on or before the day its plan started.
///
/// CIN 8841: "The review date cannot be on the same day or before the Child protection Plan start date." A review
/// that early is usually the initial conference recorded as a review, and it would make `cp-plan-review-overdue`
/// and the review-timeliness figure wrong.
struct CPReviewOnOrBeforeStart: Check {
    var id: String { "cp-review-on-or-before-start" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8841" }
    var summary: String { "A CP plan review is dated on or before the day the plan started." }
    var judges: RecordFacts { [.cpPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.cpPlans {
            guard let start = p.start else { continue }
            for review in p.reviews where review <= start {
                findings.append(
                    finding(
                        child, on: review, events: [child.review(of: p, on: review), child.start(of: p)],
                        "CP plan review dated \(review), \(review == start ? "the same day as" : "before") the plan "
                            + "started on \(start): correct the review date, or the plan's start date."))
            }
        }
    }
}
