import JourneyCore

/// A metric that counts children (no rate), with a count for each reason code of what it counts: the exits to
/// adoption, to special guardianship or child arrangements, the reversed adoption decisions.
///
/// Their merge, subtraction and breakdowns are written once here, so that each metric's file holds only what it
/// counts and which details it reports.
protocol ReasonCountMetric: Metric {
    var context: MetricContext { get }
    var byReason: [String: Int] { get set }
    var tally: BreakdownTally { get set }
    /// The counts the metric starts from: the reasons it always holds, at 0. A reason given here stays when its
    /// count returns to 0; any other goes, as a fold over the remaining children would never have added it.
    static var startingCounts: [String: Int] { get }
    /// The memberwise initialiser: a metric adopting the protocol declares no `init` of its own.
    init(context: MetricContext, byReason: [String: Int], tally: BreakdownTally)
}

extension ReasonCountMetric {
    static var startingCounts: [String: Int] { [:] }

    init(_ context: MetricContext) {
        self.init(context: context, byReason: Self.startingCounts, tally: BreakdownTally(Self.applicable(context)))
    }

    mutating func merge(_ other: Self) {
        byReason.merge(other.byReason, uniquingKeysWith: +)
        tally.merge(other.tally)
    }

    mutating func subtract(_ other: Self) {
        byReason.subtract(other.byReason, droppingZeros: Self.startingCounts.isEmpty)
        tally.subtract(other.tally)
    }

    /// The count, with `details`: a count has no denominator.
    func result(details: [JSONMember]) -> MetricResult {
        MetricResult(
            id: Self.ids[0], numerator: tally.numerator, denominator: nil, details: details,
            breakdown: tally.breakdowns(hasDenominator: false))
    }
}
