import JourneyCore

/// A child on a CP plan not seen on a statutory visit for more than 10 working days.
///
/// **Reading**: the local standard most councils set under Working Together (a child on a CP plan is seen at least
/// every 10 working days). A visit counts when it is a CP visit and the child was seen; the clock starts at the
/// plan's start. Judged on the as-of date for plans open on it: `wd(last, asOf) > 10`.
struct CPVisitOverdue: Check {
    var id: String { "cp-visit-overdue" }
    var severity: Severity { .warning }
    var summary: String { "A child on a CP plan has not been seen on a CP visit for more than 10 working days." }
    var judges: RecordFacts { [.cpPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let plan = child.cpPlanOnAsOf, let start = plan.start else { return }
        let lastVisit = child.record.visits.filter { v in
            v.kind.rawValue == "cp" && v.wasSeen && v.date >= start && v.date <= child.asOf
        }.map(\.date).max()
        let since = lastVisit ?? start
        guard let days = child.workingDaysToAsOf(from: since, over: 10) else { return }
        let event = lastVisit.flatMap { child.position(.visitMade, on: $0) } ?? child.start(of: plan)
        findings.append(
            finding(
                child, on: since, events: [event],
                (lastVisit.map { "Child on a CP plan was last seen on a CP visit on \($0)" }
                    ?? "Child on a CP plan since \(start) has not been seen on a CP visit")
                    + ", \(days) working days before \(child.asOf) (the standard is 10): visit the child, or record "
                    + "the visit if it was made."))
    }
}
