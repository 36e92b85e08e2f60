import JourneyCore

/// A CP plan review held on a day a CIN plan is open.
///
/// CIN 4003: "A CPP review date is shown as being held at the same time as an open CIN Plan" (a `CPPreviewDate` on
/// or after a `CINPlanStartDate` and before its end, or with no end; a review on the day the CP plan ends passes, as
/// a review conference may end it and start a CIN plan). The validator compares only with CIN plans that have an end
/// and CP plans that have one. The plans overlap too (`cin-plan-during-cp-plan`, CIN 4016/4017, or
/// `cin-plan-and-cp-plan-open`, 4001), found on their starts; this finding is about the review.
struct CPReviewDuringCINPlan: Check {
    var id: String { "cp-review-during-cin-plan" }
    var severity: Severity { .error }
    var rule: String? { "CIN 4003" }
    var summary: String { "A CP plan review is held on a day a CIN plan is open." }
    var judges: RecordFacts { [.cpPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let cinPlans = child.record.cinPlans
        for cp in child.record.cpPlans {
            for review in cp.reviews where review != cp.end {
                guard
                    let cin = cinPlans.first(where: { p in
                        guard let start = p.start, start <= review else { return false }
                        return p.end.map { review < $0 } ?? true
                    })
                else { continue }
                findings.append(
                    finding(
                        child, on: review, events: [child.review(of: cp, on: review), child.start(of: cin)],
                        "CP plan review held \(review) while the CIN plan started \(cin.start!) was open: end the CIN "
                            + "plan on or before the day the CP plan started, or correct the review's date."))
            }
        }
    }
}
