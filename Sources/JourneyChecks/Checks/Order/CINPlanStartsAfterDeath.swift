import JourneyCore

/// A CIN plan starting after the child's recorded death.
///
/// CIN 4008: "CIN Plan shown as starting after the child’s Date of Death" (`CINPlanStartDate` after
/// `PersonDeathDate`). A plan starting on the day of death passes, as in the rule.
struct CINPlanStartsAfterDeath: Check {
    var id: String { "cin-plan-starts-after-death" }
    var severity: Severity { .error }
    var rule: String? { "CIN 4008" }
    var summary: String { "A CIN plan starts after the child's recorded death." }
    var judges: RecordFacts { [.cinPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let died = child.record.diedOn else { return }
        for p in child.record.cinPlans {
            guard let start = p.start, start > died else { continue }
            findings.append(
                finding(
                    child, on: start, events: [child.start(of: p), child.deathEvent],
                    "CIN plan started \(start), after the child's recorded death on \(died): correct the plan's start "
                        + "or the date of death, or check that the plan belongs to this child."))
        }
    }
}
