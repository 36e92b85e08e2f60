import JourneyCore

/// Two CP plans of one child that overlap.
///
/// A child is on one CP plan at a time (the CIN census counts plans, and `cp-plan-duration` and repeat plans would
/// double-count); one plan may end on the day the next starts.
struct OverlappingCPPlans: Check {
    var id: String { "overlapping-cp-plans" }
    var severity: Severity { .error }
    var summary: String { "A CP plan starts while another CP plan of the child is still open." }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findOverlappingSpells(
            child, child.record.cpPlans, dates: { p in p.start.map { DateRange(start: $0, end: p.end) } },
            order: \.position,
            events: { later, earlier in [child.start(of: later), child.start(of: earlier), child.end(of: earlier)] },
            spell: "CP plan", earlierSpell: "CP plan",
            fix: { _ in "end the earlier plan, or retract the plan recorded twice" }, into: &findings)
    }
}
