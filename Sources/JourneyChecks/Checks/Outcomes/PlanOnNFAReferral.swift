import JourneyCore

/// A CIN or CP plan on a referral marked no further action.
///
/// CIN 8832: "Child Protection details provided for a referral with no further action"; a CIN plan on an NFA
/// referral is the same contradiction one level down (CIN 4000: "CIN Plan details provided for a referral with no
/// further action").
///
/// The DfE's validator (cin_validator 0.1.13) merges the episodes with their CP plans under swapped suffixes (the
/// episode's row is read as the plan's), so its 8832 names the wrong rows or none: a CP plan on an NFA referral is
/// found here and not there (`Scripts/Fixtures/cin-rule-breakers.xml`, child `R8832`).
struct PlanOnNFAReferral: Check {
    var id: String { "plan-on-nfa-referral" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8832" }
    var summary: String { "A CIN or CP plan is recorded on a referral marked no further action." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        for r in record.referrals where r.isNFA {
            func add(_ what: String, _ date: CalendarDate, _ event: UInt64?) {
                findings.append(findingOnNFAReferral(child, referral: r, what, on: date, event: event, linking: "plan"))
            }
            for p in record.cinPlans where p.referral == r.key && p.start != nil {
                add("CIN plan started", p.start!, child.start(of: p))
            }
            for p in record.cpPlans where p.referral == r.key && p.start != nil {
                add("CP plan started", p.start!, child.start(of: p))
            }
        }
    }
}
