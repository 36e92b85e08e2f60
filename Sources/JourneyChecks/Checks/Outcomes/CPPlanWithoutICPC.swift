import JourneyCore

/// A CP plan with no initial child protection conference that decided on it.
///
/// A CP plan follows an ICPC whose outcome is a plan (CIN census: the plan starts on the conference date; CIN 2883
/// checks there are not more plans than conferences). Looked for in the same episode, on or before the start.
struct CPPlanWithoutICPC: Check {
    var id: String { "cp-plan-without-icpc" }
    var severity: Severity { .error }
    var summary: String { "A CP plan has no initial child protection conference with the outcome `plan` before it." }
    var judges: RecordFacts { [.cpPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.cpPlans {
            guard let start = p.start, p.referral != 0, child.decidingConference(of: p) == nil else { continue }
            findings.append(
                finding(
                    child, on: start, events: [child.start(of: p)],
                    "CP plan started \(start) with no initial child protection conference deciding on a plan in its "
                        + "episode on or before that date: record the conference, or correct its outcome or date."))
        }
    }
}
