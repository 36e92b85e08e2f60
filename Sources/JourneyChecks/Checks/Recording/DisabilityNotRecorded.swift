import JourneyCore

/// A born child on a referral that led to further action, with no disability recorded (not even NONE).
///
/// CIN 8540: "Child’s disability is missing or invalid (see Disability table)" (a child with a `PersonBirthDate`
/// and a `CINdetails` whose `ReferralNFA` is false must have a `Disability`). A code outside the list is refused at
/// append; what is left is a child with none.
struct DisabilityNotRecorded: Check {
    var id: String { "disability-not-recorded" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8540" }
    var summary: String { "A born child with a further-action referral has no disability recorded (not even NONE)." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard record.disabilities.isEmpty, record.birthDate != nil, record.referrals.contains(where: { !$0.isNFA })
        else { return }
        addDetailsFinding(
            child, "Child has no disability recorded: record the disabilities with child.updated, or NONE if none.",
            into: &findings)
    }
}
