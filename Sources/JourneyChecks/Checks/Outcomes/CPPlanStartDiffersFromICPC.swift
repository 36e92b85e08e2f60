import JourneyCore

/// A CP plan that starts on a different day from the conference that decided on it.
///
/// CIN 2885: "Child protection plan shown as starting a different day to the initial child protection conference."
/// The conference is the latest of its episode with the outcome `plan` on or before the start (a plan with none is
/// `cp-plan-without-icpc`'s). A query: a plan may be recorded as starting later on purpose.
struct CPPlanStartDiffersFromICPC: Check {
    var id: String { "cp-plan-start-differs-from-icpc" }
    var severity: Severity { .query }
    var rule: String? { "CIN 2885" }
    var summary: String { "A CP plan starts on a different day from the conference that decided on it." }
    var judges: RecordFacts { [.cpPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for p in child.record.cpPlans {
            // A plan no conference decided on is `cp-plan-without-icpc`'s.
            guard let start = p.start, let conference = child.decidingConference(of: p) else { continue }
            guard conference.date != start else { continue }
            findings.append(
                finding(
                    child, on: start, events: [child.start(of: p), conference.position],
                    "CP plan started \(start), but the conference that decided on it was held \(conference.date): "
                        + "check the dates; the plan starts on the day of the conference."))
        }
    }
}
