import JourneyCore

/// A closed episode of need with an assessment never authorised.
///
/// CIN 8867: "CIN episode is shown as closed, however Assessment is not shown as completed".
struct ClosedEpisodeWithOpenAssessment: Check {
    var id: String { "closed-episode-with-open-assessment" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8867" }
    var summary: String { "A case is closed while one of its assessments is not authorised." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for r in child.record.referrals {
            guard let closed = r.closed else { continue }
            for a in child.record.assessments where a.referral == r.key && a.started != nil && a.completed == nil {
                findings.append(
                    findingOnClosedEpisode(
                        child, referral: r, closed: closed, "assessment", started: a.started!,
                        event: child.start(of: a),
                        "is not authorised: record the authorisation, or retract the assessment if it never took "
                            + "place"))
            }
        }
    }
}
