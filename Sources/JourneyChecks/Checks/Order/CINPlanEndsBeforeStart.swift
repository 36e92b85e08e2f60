import JourneyCore

/// A CIN plan that ends before it starts.
///
/// CIN 4011: "CIN Plan End Date earlier than Start Date" (ending on the start day is allowed).
struct CINPlanEndsBeforeStart: Check {
    var id: String { "cin-plan-ends-before-start" }
    var severity: Severity { .error }
    var rule: String? { "CIN 4011" }
    var summary: String { "A CIN plan ends before the date it started." }
    var judges: RecordFacts { [.cinPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findEndsBeforeStart(
            child, child.record.cinPlans, start: { $0.start }, end: { $0.end },
            events: { [child.end(of: $0), child.start(of: $0)] },
            spell: "CIN plan", into: &findings)
    }
}
