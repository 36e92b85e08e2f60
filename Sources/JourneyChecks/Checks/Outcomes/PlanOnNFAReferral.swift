import JourneyCore

/// A CP plan on a referral marked no further action.
///
/// CIN 8832: "Child Protection details provided for a referral with no further action". A CIN plan on an NFA
/// referral is the same contradiction one level down, and its own rule (CIN 4000): `cin-plan-on-nfa-referral`'s.
/// The id is kept from when this check found both.
///
/// The DfE's validator (cin_validator 0.1.13) merges the episodes with their CP plans under swapped suffixes (the
/// episode's row is read as the plan's), so its 8832 names the wrong rows or none: a CP plan on an NFA referral is
/// found here and not there (`Scripts/Fixtures/cin-rule-breakers.xml`, child `R8832`).
struct PlanOnNFAReferral: Check {
    var id: String { "plan-on-nfa-referral" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8832" }
    var summary: String { "A CP plan is recorded on a referral marked no further action." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        for r in record.referrals where r.isNFA {
            for p in record.cpPlans where p.referral == r.key && p.start != nil {
                findings.append(
                    findingOnNFAReferral(
                        child, referral: r, "CP plan started", on: p.start!, event: child.start(of: p),
                        linking: "plan"))
            }
        }
    }
}
