import JourneyCore

/// `adoption-decision-reversed` (SSDA903 PlacedAdoption; DfE adoption scorecard A5): decisions that a child should
/// be placed for adoption reversed in the period. Decisions, not children: an adoption counts once, on the date of
/// its latest `adoption.decision-reversed` (events.md).
struct AdoptionDecisionReversed: Metric {
    static let ids = ["adoption-decision-reversed"]
    static let dimensions = childDimensions
    static let reasons = ["RD1", "RD2", "RD3", "RD4"]

    let context: MetricContext
    var byReason = [String: Int]()
    var tally: BreakdownTally

    init(_ context: MetricContext) {
        self.context = context
        tally = BreakdownTally(Self.applicable(context))
    }

    mutating func add(_ child: ChildRecord) {
        for adoption in child.adoptions {
            guard let reversed = adoption.reversed, context.period.contains(reversed.date) else { continue }
            if let reason = adoption.reversalReason { byReason[reason.rawValue, default: 0] += 1 }
            tally.add(Subject(child: child, date: reversed.date), counts: true)
        }
    }

    mutating func merge(_ other: Self) {
        byReason.merge(other.byReason, uniquingKeysWith: +)
        tally.merge(other.tally)
    }

    mutating func subtract(_ other: Self) {
        byReason.subtract(other.byReason)
        tally.subtract(other.tally)
    }

    func results() -> [MetricResult] {
        [
            MetricResult(
                id: Self.ids[0], numerator: tally.numerator, denominator: nil,
                details: Self.reasons.map { .count($0, byReason[$0] ?? 0) },
                breakdown: tally.breakdowns(hasDenominator: false))
        ]
    }
}
