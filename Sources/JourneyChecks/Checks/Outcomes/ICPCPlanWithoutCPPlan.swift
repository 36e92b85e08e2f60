import JourneyCore

/// A conference that decided on a CP plan, with no plan started.
///
/// An ICPC with the outcome `plan` starts a CP plan (on its date, CIN census); none in its episode on or after the
/// conference, and none in force that day, means the plan was not recorded or the outcome is wrong. Judged from the
/// day after the conference, so a plan recorded the same day is not missed.
struct ICPCPlanWithoutCPPlan: Check {
    var id: String { "icpc-plan-without-cp-plan" }
    var severity: Severity { .error }
    var summary: String { "An initial child protection conference decided on a plan, but no CP plan was started." }
    var judges: RecordFacts { [.conferences] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for c in child.record.conferences where c.outcome == .plan && c.date < child.asOf {
            let started = child.record.cpPlans.contains { p in
                guard let start = p.start, start <= child.asOf else { return false }
                let inForce = start <= c.date && (p.end.map { $0 > c.date } ?? true)
                return (p.referral == c.referral && start >= c.date) || inForce
            }
            guard !started else { continue }
            findings.append(
                finding(
                    child, on: c.date, events: [c.position],
                    "Initial child protection conference on \(c.date) decided on a CP plan, but no CP plan was "
                        + "started: record the plan from \(c.date), or correct the conference's outcome."))
        }
    }
}
