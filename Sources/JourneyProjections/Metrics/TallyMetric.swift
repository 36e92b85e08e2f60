import JourneyCore

/// A metric whose whole figure is one breakdown tally: each child (or referral) counted in its population, and in
/// its numerator or not.
///
/// Such a metric's merge, subtraction and result are its tally's; written once here, so that each metric's file
/// holds only what it decides: its population and what counts.
protocol TallyMetric: Metric {
    var context: MetricContext { get }
    var tally: BreakdownTally { get set }
    /// The memberwise initialiser: a metric adopting the protocol declares no `init` of its own.
    init(context: MetricContext, tally: BreakdownTally)
}

extension TallyMetric {
    /// An empty tally of the dimensions of `context` that apply to the metric.
    init(_ context: MetricContext) {
        self.init(context: context, tally: BreakdownTally(Self.applicable(context)))
    }

    mutating func merge(_ other: Self) {
        tally.merge(other.tally)
    }

    mutating func subtract(_ other: Self) {
        tally.subtract(other.tally)
    }

    func results() -> [MetricResult] {
        [tally.result(Self.ids[0])]
    }
}
