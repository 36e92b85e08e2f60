import JourneyCore

/// A case closed as "after assessment" (`RC8` no further action, `RC9` referred to early help) whose episode had a
/// section 47 enquiry, a conference or a plan.
///
/// `RC8` and `RC9` say the episode ended at assessment; an enquiry, a conference or a plan means it went further,
/// so the reason is wrong (usually `RC7`, services ceased) and the closure figures by reason with it. CIN 2990:
/// "Activity is recorded against a case marked as 'Case closed after assessment, no further action' or 'case closed
/// after assessment, referred to early help'" (a `Section47`, `CINPlanDates`, `ChildProtectionPlans` or a
/// `DateOfInitialCPC` in a `CINdetails` closed `RC8` or `RC9`).
struct ClosedAfterAssessmentWithS47OrPlan: Check {
    var id: String { "closed-rc8-rc9-with-s47-or-plan" }
    var severity: Severity { .error }
    var rule: String? { "CIN 2990" }
    var summary: String {
        "A case closed RC8/RC9 (after assessment) had a section 47 enquiry, a conference or a CIN or CP plan."
    }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        let record = child.record
        for r in record.referrals {
            guard let reason = r.closureReason, reason.rawValue == "RC8" || reason.rawValue == "RC9" else { continue }
            var work: [(String, UInt64?)] = []
            for s in record.s47Enquiries where s.referral == r.key {
                work.append(("a section 47 enquiry", child.start(of: s)))
            }
            for p in record.cinPlans where p.referral == r.key { work.append(("a CIN plan", child.start(of: p))) }
            for p in record.cpPlans where p.referral == r.key { work.append(("a CP plan", child.start(of: p))) }
            // A conference naming an enquiry came with the enquiry, listed above.
            for c in record.conferences where c.referral == r.key && c.s47 == nil {
                work.append(("an initial child protection conference", c.position))
            }
            guard let first = work.first else { continue }
            findings.append(
                finding(
                    child, on: r.closed!, events: [child.closure(of: r), first.1],
                    "Case closed \(r.closed!) with reason \(reason) (closed after assessment), but the episode had "
                        + "\(first.0): correct the reason for closure (RC7 if services ceased)."))
        }
    }
}
