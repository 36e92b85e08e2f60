import JourneyCore
import JourneyProjections

/// A CIN plan and a CP plan of one episode, both still open.
///
/// CIN 4001: "A CIN Plan cannot run concurrently with a Child Protection Plan" (within one `CINdetails`, a
/// `CINPlanDates` with no `CINPlanEndDate` beside a `ChildProtectionPlans` with no `CPPendDate`). The two plans
/// overlap, which `cin-plan-during-cp-plan` (CIN 4016/4017) would also find: it leaves such a CIN plan to this check,
/// so that it is flagged once, under the rule it breaks. One finding per open CIN plan, naming the first open CP
/// plan of its episode.
struct CINPlanAndCPPlanOpen: Check {
    var id: String { "cin-plan-and-cp-plan-open" }
    var severity: Severity { .error }
    var rule: String? { "CIN 4001" }
    var summary: String { "A CIN plan and a CP plan of one episode are both still open." }
    var judges: RecordFacts { [.cinPlans] }

    /// The first CP plan of `cin`'s episode that, like `cin`, has started and has no end; `nil` when `cin` has an end.
    static func openCPPlan(alongside cin: ChildRecord.CINPlan, in record: ChildRecord) -> ChildRecord.CPPlan? {
        guard cin.start != nil, cin.end == nil else { return nil }
        return record.cpPlans.filter { $0.referral == cin.referral && $0.start != nil && $0.end == nil }
            .min { ($0.start!, $0.position) < ($1.start!, $1.position) }
    }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for cin in child.record.cinPlans {
            guard let cp = Self.openCPPlan(alongside: cin, in: child.record) else { continue }
            findings.append(
                finding(
                    child, on: max(cin.start!, cp.start!), events: [child.start(of: cin), child.start(of: cp)],
                    "CIN plan started \(cin.start!) and the CP plan started \(cp.start!) of the same episode are both "
                        + "still open: end the CIN plan on the day the CP plan started, or end the plan that has "
                        + "finished."))
        }
    }
}
