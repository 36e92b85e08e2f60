import JourneyCore

/// The figures for one period, as known at one time: what `journey metrics` prints.
public struct MetricsReport: Sendable, Equatable {
    public var period: ReportingPeriod
    public var asKnownAt: Timestamp?
    public var metrics: [MetricResult]
}

/// Every metric of metrics.md, in the order reports list them.
public enum MetricCatalogue {
    static let metrics: [any Metric.Type] = [
        AssessmentTimeliness.self, ICPCTimeliness.self, CPReviewTimeliness.self, ReReferrals.self, RepeatCPPlans.self,
        CPPlanDuration.self, PlacementStabilityShortTerm.self, PlacementStabilityLongTerm.self, PlacedOver20Miles.self,
        Activity.self,
    ]

    /// Every metric id, in report order.
    public static let ids: [String] = metrics.flatMap { $0.ids }

    /// The statutory measures (not the activity counts).
    public static let headlineIDs: [String] = metrics.filter { $0 != Activity.self }.flatMap { $0.ids }
}

extension JourneyState {
    /// Evaluates the metrics for one period in one pass over the children's records.
    /// `only` restricts the output to those ids (all when `nil`).
    public func metrics(_ context: MetricContext, asKnownAt: Timestamp? = nil, only: Set<String>? = nil)
        -> MetricsReport
    {
        metrics([context], asKnownAt: asKnownAt, only: only)[0]
    }

    /// Evaluates the metrics for several periods (a monthly series) in one pass over the children's records.
    ///
    /// The children are shared out between the cores in `parts` runs (`reduceRecords`); the figures do not depend
    /// on how many.
    public func metrics(
        _ contexts: [MetricContext], asKnownAt: Timestamp? = nil, only: Set<String>? = nil, parts: Int = 16
    ) -> [MetricsReport] {
        let types = MetricCatalogue.metrics.filter { type in only.map { !$0.isDisjoint(with: type.ids) } ?? true }
        // One metric of each type for each period, in every part of the children; the parts merge into one.
        let accumulators: [[any Metric]] = reduceRecords(
            asKnownAt: asKnownAt, parts: parts,
            initial: { contexts.map { context in types.map { $0.init(context) } } },
            add: { accumulators, record in
                for i in accumulators.indices {
                    for j in accumulators[i].indices { accumulators[i][j].add(record) }
                }
            },
            merge: { accumulators, other in
                for i in accumulators.indices {
                    for j in accumulators[i].indices { accumulators[i][j].merge(any: other[i][j]) }
                }
            })
        return zip(contexts, accumulators).map { context, metrics in
            let results = metrics.flatMap { $0.results() }.filter { only?.contains($0.id) ?? true }
            return MetricsReport(period: context.period, asKnownAt: asKnownAt, metrics: results)
        }
    }
}
