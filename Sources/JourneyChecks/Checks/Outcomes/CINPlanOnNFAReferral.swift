import JourneyCore

/// A CIN plan on a referral marked no further action.
///
/// CIN 4000: "CIN Plan details provided for a referral with no further action" (a `CINPlanDates` in a `CINdetails`
/// whose `ReferralNFA` is true). A CP plan on one is CIN 8832 (`plan-on-nfa-referral`).
struct CINPlanOnNFAReferral: Check {
    var id: String { "cin-plan-on-nfa-referral" }
    var severity: Severity { .error }
    var rule: String? { "CIN 4000" }
    var summary: String { "A CIN plan is recorded on a referral marked no further action." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        for r in record.referrals where r.isNFA {
            for p in record.cinPlans where p.referral == r.key && p.start != nil {
                findings.append(
                    findingOnNFAReferral(
                        child, referral: r, "CIN plan started", on: p.start!, event: child.start(of: p),
                        linking: "plan"))
            }
        }
    }
}
