import JourneyCore

/// A CIN plan that ends after the child's recorded death.
///
/// CIN 4009Q: "CIN Plan cannot end after the child's Date of Death" (`CINPlanEndDate` later than `PersonDeathDate`;
/// ending on the day of death is right). The plan ended when the child died: its end date, or the date of death, is
/// wrong. A plan still open after the death is `open-after-death`'s; one starting after it is
/// `cin-plan-starts-after-death`'s (CIN 4008).
struct CINPlanEndsAfterDeath: Check {
    var id: String { "cin-plan-ends-after-death" }
    var severity: Severity { .query }
    var rule: String? { "CIN 4009Q" }
    var summary: String { "A CIN plan ends after the child's recorded date of death." }
    var judges: RecordFacts { [.cinPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        guard let died = child.record.diedOn else { return }
        for p in child.record.cinPlans {
            guard let end = p.end, end > died else { continue }
            findings.append(
                finding(
                    child, on: end, events: [child.end(of: p), child.deathEvent],
                    "CIN plan ended \(end), after the child's recorded death on \(died): end the plan on or before "
                        + "the date of death, or correct the date of death."))
        }
    }
}
