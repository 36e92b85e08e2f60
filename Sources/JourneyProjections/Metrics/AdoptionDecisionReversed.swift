import JourneyCore

/// `adoption-decision-reversed` (SSDA903 PlacedAdoption; DfE adoption scorecard A5): decisions that a child should
/// be placed for adoption reversed in the period. Decisions, not children: an adoption counts once, on the date of
/// its latest `adoption.decision-reversed` (events.md).
struct AdoptionDecisionReversed: ReasonCountMetric {
    static let ids = ["adoption-decision-reversed"]
    static let dimensions = childDimensions
    static let reasons = ["RD1", "RD2", "RD3", "RD4"]

    let context: MetricContext
    var byReason: [String: Int]
    var tally: BreakdownTally

    mutating func add(_ child: ChildRecord) {
        for adoption in child.adoptions {
            guard let reversed = adoption.reversed, context.period.contains(reversed.date) else { continue }
            if let reason = adoption.reversalReason { byReason[reason.rawValue, default: 0] += 1 }
            tally.add(Subject(child: child, date: reversed.date), counts: true)
        }
    }

    func results() -> [MetricResult] {
        [result(details: Self.reasons.map { .count($0, byReason[$0] ?? 0) })]
    }
}
