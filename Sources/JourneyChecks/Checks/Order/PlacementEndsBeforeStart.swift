import JourneyCore

/// A placement that ends before it starts.
///
/// A reversed placement has no days, so stability and distance figures skip it without saying so.
struct PlacementEndsBeforeStart: Check {
    var id: String { "placement-ends-before-start" }
    var severity: Severity { .error }
    var summary: String { "A placement ends before the date it started." }
    var judges: RecordFacts { [.placements] }

    func check(_ child: ChildJourney, into findings: inout [Finding]) {
        findEndsBeforeStart(
            child, child.record.placements, start: { $0.start }, end: { $0.ownEnd },
            events: { [child.end(of: $0), child.start(of: $0)] },
            spell: "Placement", into: &findings)
    }
}
