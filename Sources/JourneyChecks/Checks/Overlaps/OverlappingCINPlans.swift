import JourneyCore

/// Two CIN plans of one child that overlap.
///
/// CIN 4014: "CIN Plan data contains overlapping dates". One plan may end on the day the next starts. Two plans of
/// one episode that both have no end are CIN 4004's (`more-than-one-open-cin-plan`), not found here again.
struct OverlappingCINPlans: Check {
    var id: String { "overlapping-cin-plans" }
    var severity: Severity { .error }
    var rule: String? { "CIN 4014" }
    var summary: String { "A CIN plan starts while another CIN plan of the child is still open." }
    var judges: RecordFacts { [.cinPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findOverlappingSpells(
            child, child.record.cinPlans, dates: { p in p.start.map { DateRange(start: $0, end: p.end) } },
            order: \.position,
            events: { later, earlier in [child.start(of: later), child.start(of: earlier), child.end(of: earlier)] },
            spell: "CIN plan", earlierSpell: "CIN plan",
            fix: { _ in "end the earlier plan, or retract the plan recorded twice" },
            skipping: { later, earlier in MoreThanOneOpenCINPlan.bothOpen(later, earlier) }, into: &findings)
    }
}
