import JourneyCore

/// A metric whose figure is an average of days over its children, with a count of the children it could not time:
/// in its population, but with a date missing (`unknown`).
///
/// The adoption timeliness figures (scorecard A1, A2) are such; their merge, subtraction and result are written
/// once here, so that each metric's file holds only what it decides: who is timed, and from when to when.
protocol AverageMetric: Metric {
    var context: MetricContext { get }
    var unknown: Int { get set }
    var average: AverageTally { get set }
    /// The memberwise initialiser: a metric adopting the protocol declares no `init` of its own.
    init(context: MetricContext, unknown: Int, average: AverageTally)
}

extension AverageMetric {
    /// No child timed and none unknown, over the dimensions of `context` that apply to the metric.
    init(_ context: MetricContext) {
        self.init(context: context, unknown: 0, average: AverageTally(Self.applicable(context)))
    }

    mutating func merge(_ other: Self) {
        unknown += other.unknown
        average.merge(other.average)
    }

    mutating func subtract(_ other: Self) {
        unknown -= other.unknown
        average.subtract(other.average)
    }

    func results() -> [MetricResult] {
        [average.result(Self.ids[0], details: [.count("unknown", unknown)])]
    }
}
