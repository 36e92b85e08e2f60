import JourneyCore

/// A child of school age on a referral that led to further action, with no UPN recorded.
///
/// CIN 8770Q: "UPN is missing or reason UPN is missing or is UN1 for a child who is of school age." A child is of
/// school age when born on or before 31 August six years before the census year's following September (the
/// validator: the reference date plus 4 months and 31 days, less 6 years: born on or before 2018-08-31 for the census
/// of 31 March 2024). The event format has no reason a UPN is missing (`UPNunknown`), so the return can give none and
/// any child of school age with no UPN is flagged.
struct UPNMissingAtSchoolAge: Check {
    var id: String { "upn-missing-at-school-age" }
    var severity: Severity { .query }
    var rule: String? { "CIN 8770Q" }
    var summary: String { "A child of school age with a further-action referral has no UPN recorded." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        // What does not move with the as-of date first: a child with a UPN is judged the same on every day, and no
        // day is worked out for it.
        guard record.upn == nil, let born = record.birthDate, record.referrals.contains(where: { !$0.isNFA }) else {
            return
        }
        // Moves with the as-of date, at least 2,036 days behind it: 4 months and 31 days are at most 154 days, and
        // 6 years at least 2,190.
        let asOf = child.asOf
        let schoolAgeBornBy = asOf.lagging(asOf.value.adding(months: 4).adding(days: 31).adding(years: -6), by: 2036)
        guard born <= schoolAgeBornBy else { return }
        addDetailsFinding(
            child, "Child of school age has no UPN recorded: record the unique pupil number with child.updated.",
            into: &findings)
    }
}
