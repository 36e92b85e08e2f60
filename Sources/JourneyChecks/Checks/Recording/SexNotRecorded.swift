import JourneyCore

/// A child in the CIN census's scope with no sex recorded.
///
/// CIN 4180: "Sex must be provided and equal M, F, or U". A code outside M, F and U is refused at append; what is
/// left is a child with none: judged for a child with a referral (a `CINdetails`), the children the return holds. A
/// child the log knows as unborn (an expected birth date, no birth date) is left out: the return writes U for an
/// unborn child (CIN 8750), so it is not missing.
struct SexNotRecorded: Check {
    var id: String { "sex-not-recorded" }
    var severity: Severity { .error }
    var rule: String? { "CIN 4180" }
    var summary: String { "A child with a referral has no sex recorded." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard child.hasReferral, record.sex == nil, record.birthDate != nil || record.expectedBirthDate == nil else {
            return
        }
        addDetailsFinding(
            child, "Child has no sex recorded: record it with child.updated (U, unknown, for an unborn child).",
            into: &findings)
    }
}
