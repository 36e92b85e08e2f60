import JourneyCore

/// A CP plan starting after the child's recorded death.
///
/// CIN 8915: "Child Protection Plan shown as starting after the child’s Date of Death" (`CPPstartDate` after
/// `PersonDeathDate`). A plan starting on the day of death passes, as in the rule.
struct CPPlanStartsAfterDeath: Check {
    var id: String { "cp-plan-starts-after-death" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8915" }
    var summary: String { "A CP plan starts after the child's recorded death." }
    var judges: RecordFacts { [.cpPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let died = child.record.diedOn else { return }
        for p in child.record.cpPlans {
            guard let start = p.start, start > died else { continue }
            findings.append(
                finding(
                    child, on: start, events: [child.start(of: p), child.deathEvent],
                    "CP plan started \(start), after the child's recorded death on \(died): correct the plan's start "
                        + "or the date of death, or check that the plan belongs to this child."))
        }
    }
}
