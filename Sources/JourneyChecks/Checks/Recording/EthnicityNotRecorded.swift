import JourneyCore

/// A child in the CIN census's scope with no ethnicity recorded.
///
/// CIN 4220: "Ethnicity is missing or invalid (see Ethnicity table)". A code outside the list is refused at append;
/// what is left is a child with none: judged for a child with a referral (a `CINdetails`), the children the return
/// holds. NOBT (information not yet obtained) and REFU (refused) are codes, and pass.
struct EthnicityNotRecorded: Check {
    var id: String { "ethnicity-not-recorded" }
    var severity: Severity { .error }
    var rule: String? { "CIN 4220" }
    var summary: String { "A child with a referral has no ethnicity recorded." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard child.hasReferral, child.record.ethnicity == nil else { return }
        addDetailsFinding(
            child,
            "Child has no ethnicity recorded: record it with child.updated (NOBT while it is not yet obtained, REFU "
                + "if refused).", into: &findings)
    }
}
