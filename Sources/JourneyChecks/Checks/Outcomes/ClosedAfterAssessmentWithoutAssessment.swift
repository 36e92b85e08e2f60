import JourneyCore

/// A case closed as "after assessment" (`RC8`, `RC9`) whose episode has no assessment.
///
/// CIN 8825Q: "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after
/// assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no
/// assessment present for the episode." Either the assessment is missing or on another referral, or the reason is
/// wrong. The census sees the episode's assessments of its year only; the stream sees all of them.
struct ClosedAfterAssessmentWithoutAssessment: Check {
    var id: String { "closed-rc8-rc9-without-assessment" }
    var severity: Severity { .query }
    var rule: String? { "CIN 8825Q" }
    var summary: String { "A case closed RC8/RC9 (after assessment) has no assessment in its episode." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        // The episodes assessed: read from a child's handful of assessments, not a set made for every child.
        var assessed = FactKeys()
        for r in record.referrals {
            guard let reason = r.closureReason, reason.rawValue == "RC8" || reason.rawValue == "RC9",
                let closed = r.closed, !assessed.contain(r.key, among: record.assessments, key: { $0.referral })
            else { continue }
            findings.append(
                finding(
                    child, on: closed, events: [child.closure(of: r), r.position],
                    "Case closed \(closed) with reason \(reason) (closed after assessment), but the episode referred "
                        + "\(r.date) has no assessment: record the assessment, or correct the reason for closure."))
        }
    }
}
