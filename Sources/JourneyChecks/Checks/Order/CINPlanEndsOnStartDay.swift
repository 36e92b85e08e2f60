import JourneyCore

/// A CIN plan that starts and ends on the same day.
///
/// CIN 4012Q: "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same
/// day" (`CINPlanStartDate` equal to `CINPlanEndDate`). A query, not an error: a plan may rightly end on its first
/// day (the child moves to a CP plan that day), but it is more often a plan recorded in error or an end date typed
/// over the start. A plan ending before it starts is `cin-plan-ends-before-start`'s.
struct CINPlanEndsOnStartDay: Check {
    var id: String { "cin-plan-ends-on-start-day" }
    var severity: Severity { .query }
    var rule: String? { "CIN 4012Q" }
    var summary: String { "A CIN plan starts and ends on the same day." }
    var judges: RecordFacts { [.cinPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.cinPlans {
            guard let start = p.start, let end = p.end, end == start else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: p), child.start(of: p)],
                    "CIN plan started and ended on the same day, \(start): check the end date, and retract the plan "
                        + "if it was recorded in error."))
        }
    }
}
