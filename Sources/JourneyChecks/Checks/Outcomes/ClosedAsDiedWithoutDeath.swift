import JourneyCore

/// A case closed with reason `RC2` (died) with no recorded death, or closed as died before the death.
///
/// The CIN census reason `RC2` means the child died; a closure that says so with no `child.died` (or dated before
/// it) is either the wrong reason or a death not recorded, and either way the child's record is wrong.
///
/// CIN 8585Q: "CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death". The rule
/// is a query; the check is an error, and also finds a closure as died dated before the recorded death, which the
/// rule does not look at.
struct ClosedAsDiedWithoutDeath: Check {
    var id: String { "closed-rc2-without-death" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8585Q" }
    var summary: String { "A case is closed RC2 (died) but the child's death is not recorded, or is recorded later." }
    var judges: RecordFacts { [.referrals] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        for r in child.record.referrals {
            guard let reason = r.closureReason, reason.rawValue == "RC2", let closed = r.closed else { continue }
            if let died = child.record.diedOn {
                guard died > closed else { continue }
                findings.append(
                    finding(
                        child, on: closed, events: [child.closure(of: r), child.deathEvent],
                        "Case closed \(closed) with reason RC2 (died), before the child's recorded death: correct the "
                            + "closure date, the reason, or the date of death."))
            } else {
                findings.append(
                    finding(
                        child, on: closed, events: [child.closure(of: r)],
                        "Case closed \(closed) with reason RC2 (died), but no death is recorded for the child: record "
                            + "the death, or correct the reason for closure."))
            }
        }
    }
}
