import JourneyCore

/// A referral received more than 40 weeks before the child's birth (or expected birth).
///
/// CIN 8606: the referral date "cannot be more than 280 days before" the birth date or the expected birth date. A
/// pre-birth referral within 40 weeks is normal practice for an unborn child, so it passes.
struct ReferralTooEarlyBeforeBirth: Check {
    var id: String { "referral-too-early-before-birth" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8606" }
    var summary: String {
        "A referral is dated more than 40 weeks (280 days) before the child's birth or expected birth."
    }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let birth = child.record.birthDate ?? child.record.expectedBirthDate else { return }
        let which = child.record.birthDate == nil ? "expected birth date" : "birth date"
        for r in child.record.referrals where r.date.days(to: birth) > 280 {
            findings.append(
                finding(
                    child, on: r.date, events: [r.position, child.birthDateEvent],
                    "Referral received \(r.date) is more than 40 weeks before the child's recorded \(which): correct "
                        + "the referral date or the \(which), or check that the referral belongs to this child."))
        }
    }
}
