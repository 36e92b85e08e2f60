import JourneyCore

/// A CP plan that ends before it starts.
///
/// The order every CIN census date pair keeps (as CIN 4011 says of CIN plans); a plan ending on its start day is
/// `cp-plan-ends-on-start-day`'s. CIN 8925: "Child Protection Plan End Date earlier than Start Date".
struct CPPlanEndsBeforeStart: Check {
    var id: String { "cp-plan-ends-before-start" }
    var severity: Severity { .error }
    var rule: String? { "CIN 8925" }
    var summary: String { "A CP plan ends before the date it started." }
    var judges: RecordFacts { [.cpPlans] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findEndsBeforeStart(
            child, child.record.cpPlans, start: { $0.start }, end: { $0.end },
            events: { [child.end(of: $0), child.start(of: $0)] },
            spell: "CP plan", into: &findings)
    }
}
