import JourneyCore
import JourneyProjections

/// An episode whose only assessment found no factors (21), not closed as "case closed after assessment".
///
/// CIN 8873Q: "When there is only one assessment on the episode and the factors code “21 No factors identified” has
/// been used for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used." As in the
/// validator, an episode still open has no such reason and is flagged too: it is a query, for the episode to be
/// closed RC8 or RC9 or the factors to be recorded.
struct NoFactorsNotClosedAfterAssessment: Check {
    var id: String { "no-factors-not-closed-rc8-rc9" }
    var severity: Severity { .query }
    var rule: String? { "CIN 8873Q" }
    var summary: String { "An episode's only assessment found no factors (21), and it is not closed RC8 or RC9." }
    var judges: RecordFacts { [.assessments] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        // Most children have no assessment that found no factors: they need no table of assessments by referral.
        guard record.assessments.contains(where: { a in a.factors?.contains(where: { $0.rawValue == "21" }) == true })
        else { return }
        // Each episode's only assessment: scanned for among a child's handful, looked up in a table of them by
        // referral among many (so that a record of thousands is not judged in n² steps).
        let byReferral =
            record.assessments.count > FactKeys.readUpTo
            ? Dictionary(grouping: record.assessments, by: \.referral) : nil
        func onlyAssessment(of referral: UInt64) -> ChildRecord.Assessment? {
            if let byReferral { return byReferral[referral].flatMap { $0.count == 1 ? $0[0] : nil } }
            var only: ChildRecord.Assessment?
            for a in record.assessments where a.referral == referral {
                guard only == nil else { return nil }
                only = a
            }
            return only
        }
        for r in record.referrals where !r.isNFA {
            guard let a = onlyAssessment(of: r.key), let completed = a.completed,
                a.factors?.contains(where: { $0.rawValue == "21" }) == true
            else { continue }
            let reason = r.closureReason?.rawValue
            guard reason != "RC8" && reason != "RC9" else { continue }
            let state = reason.map { "was closed with reason \($0)" } ?? "is still open"
            findings.append(
                finding(
                    child, on: r.closed ?? completed,
                    events: [child.completion(of: a), child.closure(of: r), r.position],
                    "The only assessment of the episode referred \(r.date), authorised \(completed), found no factors "
                        + "(21), but the episode \(state): close it with RC8 or RC9 (case closed after assessment), "
                        + "or record the factors identified."))
        }
    }
}
