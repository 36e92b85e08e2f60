import JourneyCore

/// An unborn child whose expected date of birth is not within 30 days before to 9 months after the as-of date.
///
/// CIN 8530Q: "Expected Date of Birth is outside the expected range for this census (March to December of the Census
/// Year end)" (the validator: not after the reference date less 30 days, or not before it plus 9 months). Judged for
/// a child with a referral and no date of birth (the return gives the expected date only for an unborn child): an
/// expected date long past means the birth is not recorded.
struct ExpectedBirthOutOfRange: Check {
    var id: String { "expected-birth-out-of-range" }
    var severity: Severity { .query }
    var rule: String? { "CIN 8530Q" }
    var summary: String {
        "An unborn child's expected date of birth is not within 30 days before to 9 months after the as-of date."
    }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        guard child.hasReferral, record.birthDate == nil, let expected = record.expectedBirthDate else { return }
        // Both move with the as-of date: 30 days behind it, and at most 276 days ahead (9 months).
        let asOf = child.asOf
        let earliest = asOf.lagging(asOf.value.adding(days: -30), by: 30)
        let latest = asOf.lagging(asOf.value.adding(months: 9), by: -276)
        guard expected <= earliest || expected >= latest else { return }
        addDetailsFinding(
            child,
            "Unborn child's expected date of birth, \(expected), is not between \(earliest) and \(latest): record the "
                + "date of birth if the child has been born, or correct the expected date.", into: &findings)
    }
}
