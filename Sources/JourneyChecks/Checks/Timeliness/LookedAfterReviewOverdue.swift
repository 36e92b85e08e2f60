import JourneyCore

/// A looked-after child whose review is overdue.
///
/// The Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33: the first review within
/// 20 working days of the child becoming looked after, the second within 3 months of the first, later ones within
/// 6 months of the one before. Judged on the as-of date for periods of care open on it. Agreed series of short
/// breaks (`V3`/`V4`) follow other timescales (regulation 48) and are left out.
struct LookedAfterReviewOverdue: Check {
    var id: String { "looked-after-review-overdue" }
    var severity: Severity { .warning }
    var summary: String {
        "A looked-after child's review is overdue (first within 20 working days, then 3 months, then 6)."
    }
    var judges: RecordFacts { [.periodsOfCare] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let period = child.periodOfCareOnAsOf, let start = period.start, !child.isShortBreakOnAsOf(period)
        else { return }
        let reviews = period.reviews.filter { $0 >= start && $0 <= child.asOf }.sorted()
        let due: CalendarDate
        let what: String
        switch reviews.count {
        case 0:
            due = child.adding(workingDays: 20, to: start)
            what = "has had no review; the first was due by \(due) (20 working days)"
        case 1:
            due = reviews[0].adding(months: 3)
            what = "had its first review on \(reviews[0]); the second was due by \(due) (3 months)"
        default:
            due = reviews.last!.adding(months: 6)
            what = "was last reviewed on \(reviews.last!); the next review was due by \(due) (6 months)"
        }
        guard child.asOf > due else { return }
        let event = reviews.last.flatMap { child.position(.careReviewed, key: period.key, on: $0) }
        findings.append(
            finding(
                child, on: due, events: [event, child.start(of: period)],
                "Period of care started \(start) \(what): hold the review, or record it if it was held."))
    }
}
