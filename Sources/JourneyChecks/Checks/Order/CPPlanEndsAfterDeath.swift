import JourneyCore

/// A CP plan that ends after the child's recorded death.
///
/// CIN 8920: "Child Protection Plan cannot end after the child's Date of Death" (if `PersonDeathDate` is present,
/// `CPPendDate` must be on or before it). A plan still open after the death is `open-after-death`'s; one starting
/// after it is `cp-plan-starts-after-death`'s (CIN 8915).
struct CPPlanEndsAfterDeath: Check {
    var id: String { "cp-plan-ends-after-death" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8920" }
    var summary: String { "A CP plan ends after the child's recorded date of death." }
    var judges: RecordFacts { [.cpPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let died = child.record.diedOn else { return }
        for p in child.record.cpPlans {
            guard let end = p.end, end > died else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: p), child.deathEvent],
                    "CP plan ended \(end), after the child's recorded death on \(died): end the plan on or before the "
                        + "date of death, or correct the date of death."))
        }
    }
}
