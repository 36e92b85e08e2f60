import JourneyCore

/// Two CP plans of one child that overlap.
///
/// A child is on one CP plan at a time (the CIN census counts plans, and `cp-plan-duration` and repeat plans would
/// double-count); one plan may end on the day the next starts.
///
/// CIN 8940: "Child Protection Plan data contains overlapping dates" (no plan's start may fall within another's
/// start and end, or its start and the reference date while it has no end). The validator counts a plan starting on
/// the day the previous one ended as inside it; here, as for CIN plans (CIN 4014) and episodes (CIN 8820, note), a
/// plan may end on the day the next starts (the review conference that ends one plan can start the next). Two plans
/// that both have no end are CIN 8935's (`more-than-one-open-cp-plan`), not found here again. A return that repeats
/// a plan word for word (same start, same values) breaks 8940 in the validator; the importer keeps one copy of a
/// repeated record (a duplicate, counted in its report), so the stream holds one plan and nothing overlaps
/// (`CIN2rows.xml`).
struct OverlappingCPPlans: Check {
    var id: String { "overlapping-cp-plans" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8940" }
    var summary: String { "A CP plan starts while another CP plan of the child is still open." }
    var judges: RecordFacts { [.cpPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findOverlappingSpells(
            child, child.record.cpPlans, dates: { p in p.start.map { DateRange(start: $0, end: p.end) } },
            order: \.position,
            events: { later, earlier in [child.start(of: later), child.start(of: earlier), child.end(of: earlier)] },
            spell: "CP plan", earlierSpell: "CP plan",
            fix: { _ in "end the earlier plan, or retract the plan recorded twice" },
            skipping: { later, earlier in later.end == nil && earlier.end == nil }, into: &findings)
    }
}
