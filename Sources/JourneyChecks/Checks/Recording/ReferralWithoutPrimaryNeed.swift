import JourneyCore

/// A referral that led to further action with no primary need recorded.
///
/// CIN 8610: "Primary Need code is missing for a referral which led to further action" (`ReferralNFA` false and no
/// `PrimaryNeedCode`). The primary need is decided at assessment and the census counts episodes by it; an NFA
/// referral needs none. An importer leaves an invalid need code out of its record and reports it (CIN 8650), so
/// such a referral is found here too.
struct ReferralWithoutPrimaryNeed: Check {
    var id: String { "referral-without-primary-need" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8610" }
    var summary: String { "A referral that is not marked no further action has no primary need code." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for r in child.record.referrals where !r.isNFA && r.primaryNeed == nil {
            findings.append(
                finding(
                    child, on: r.date, events: [r.position],
                    "Referral received \(r.date) led to further action but has no primary need: record the primary "
                        + "need code on the referral, or mark it no further action if it led to none."))
        }
    }
}
